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

  it('cuts a long English title after the last whole word that fits', () => {
    const slug = slugify(
      'Late drama at the stadium as City rescue a point with a stoppage-time header against Rovers',
    )
    expect(slug).toBe('late-drama-at-the-stadium-as-city-rescue-a-point-with-a')
  })

  it('keeps a word that ends exactly at the limit', () => {
    const sixtyCharacters = `${'abcd-'.repeat(11)}abcde`
    expect(slugify(`${sixtyCharacters} more words`)).toBe(sixtyCharacters)
  })

  it('cuts a long Arabic title after the last whole word that fits', () => {
    const slug = slugify(
      'قمة الرياض تبحث ملف الطاقة والمياه مع وزراء الخارجية العرب في اجتماع طارئ اليوم',
    )
    expect(slug).toBe('قمة-الرياض-تبحث-ملف-الطاقة-والمياه-مع-وزراء-الخارجية-العرب')
  })

  it('still cuts a single word longer than the limit', () => {
    expect(slugify('a'.repeat(70))).toBe('a'.repeat(60))
    expect(slugify('ب'.repeat(70))).toBe('ب'.repeat(60))
  })

  it('returns an empty slug for text with no letters or digits', () => {
    expect(slugify(' ?! ')).toBe('')
  })
})
