import { describe, expect, it } from 'vitest'
import { slugify } from './slugify.js'

describe('slugify', () => {
  it('keeps Arabic letters, hamza forms included, and drops Arabic punctuation', () => {
    expect(slugify('قمة الرياض تبحث ملف الطاقة؟')).toBe('قمة-الرياض-تبحث-ملف-الطاقة')
    expect(slugify('أخبار «العالم»، اليوم؛')).toBe('أخبار-العالم-اليوم')
  })

  it('removes harakat and tatweel', () => {
    expect(slugify('كَتَبَ الوَلَدُ في المـــدرسة')).toBe('كتب-الولد-في-المدرسة')
  })

  it('folds Latin accents, lowercases and turns Arabic-Indic digits into ASCII', () => {
    expect(slugify('Café Déjà Vu: 3 «Tests»')).toBe('cafe-deja-vu-3-tests')
    expect(slugify('عام ٢٠٢٥ و۱۴۰۴')).toBe('عام-2025-و1404')
  })

  it('cuts at 60 characters without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40))
    expect([...slug].length).toBeLessThanOrEqual(60)
    expect(slug.endsWith('-')).toBe(false)
  })

  it('returns an empty slug for text with no letters or digits', () => {
    expect(slugify(' ?! ')).toBe('')
  })
})
