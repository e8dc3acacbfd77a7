import { describe, expect, it } from 'vitest'
import { ar } from './ar.js'
import { en } from './en.js'
import { translatorFor } from './messages.js'

describe('message files', () => {
  it('have the same keys in English and Arabic', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort())
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('fills placeholders and falls back to English for an edition without strings', () => {
    expect(translatorFor('ar')('pageOf', { page: 2, pages: 5 })).toBe('الصفحة 2 من 5')
    expect(translatorFor('fr')('home')).toBe('Home')
  })
})
