import { describe, expect, it } from 'vitest'
import { ar } from './ar.js'
import { en } from './en.js'
import { placeholdersOf, translate } from './messages.js'

describe('the newsroom message files', () => {
  it('have the same keys in English and Arabic', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort())
  })

  it('use the same placeholders in both languages', () => {
    for (const [key, message] of Object.entries(en)) {
      expect(placeholdersOf(ar[key as keyof typeof en]), key).toEqual(placeholdersOf(message))
    }
  })

  it('leave no message empty', () => {
    for (const messages of [en, ar])
      for (const message of Object.values(messages)) expect(message.trim()).not.toBe('')
  })

  it('fills placeholders', () => {
    expect(translate('en', 'pageOf', { page: 2, pages: 9 })).toBe('Page 2 of 9')
    expect(translate('ar', 'words', { count: 12 })).toBe('عدد الكلمات: 12')
  })
})
