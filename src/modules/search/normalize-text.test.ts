import { describe, expect, it } from 'vitest'
import { analyzeText } from './analyze-text.js'
import { stemArabic } from './arabic-stemmer.js'
import { normalizeText, tokenize } from './normalize-text.js'

describe('normalizeText', () => {
  it.each([
    ['كَتَبَ الوَلَدُ', 'كتب الولد'],
    ['مـــدرسة', 'مدرسه'],
    ['ٱلرحمن', 'الرحمن'],
    ['أحمد إبراهيم آمال', 'احمد ابراهيم امال'],
    ['مستشفى', 'مستشفي'],
    ['مؤتمر هيئة', 'موتمر هييه'],
    ['٢٠٢٥ و ۱۴۰۳', '2025 و 1403'],
    ['ﻻ', 'لا'],
    ['کتاب فارسی', 'كتاب فارسي'],
    ['\u200Fمرحبا\u200E \u2067Reuters\u2069', 'مرحبا reuters'],
    ['Café ÉLYSÉE', 'cafe elysee'],
    ['ﬁnance', 'finance'],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('removes only diacritics from a word made of them, leaving nothing to search', () => {
    expect(tokenize(normalizeText('\u064E\u064F\u0650\u0651'))).toEqual([])
  })

  it('splits on punctuation, FTS syntax and controls', () => {
    expect(tokenize(normalizeText('a*b:c^(d) "e" NEAR/2 x\u0000y'))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'near',
      '2',
      'x',
      'y',
    ])
  })
})

describe('stemArabic', () => {
  it.each([
    ['الكتاب', 'كتاب'],
    ['والكتاب', 'كتاب'],
    ['بالمدرسه', 'مدرس'],
    ['للطلاب', 'طلاب'],
    ['وزير', 'زير'],
    ['ولد', 'ولد'],
    ['المعلمون', 'معلم'],
    ['المعلمين', 'معلم'],
    ['مكتبات', 'مكتب'],
    ['سياسيه', 'سياس'],
    ['كتابها', 'كتاب'],
    ['ال', 'ال'],
  ])('stems %s to %s', (input, expected) => {
    expect(stemArabic(input)).toBe(expected)
  })
})

describe('analyzeText', () => {
  it('stems English with Porter and leaves numbers alone', () => {
    expect(analyzeText('Elections, elected 2026 COVID19')).toEqual([
      'elect',
      'elect',
      '2026',
      'covid19',
    ])
  })

  it('gives the same terms with and without diacritics, alef or teh marbuta forms', () => {
    expect(analyzeText('المَدْرَسَةُ الأُولى')).toEqual(analyzeText('المدرسه الاولي'))
    expect(analyzeText('إسرائيل')).toEqual(analyzeText('اسرائيل'))
  })
})
