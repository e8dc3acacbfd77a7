import { describe, expect, it } from 'vitest'
import { fitText } from './fit-text.js'

describe('fitting text to a length', () => {
  it('leaves text within the length as it is', () => {
    expect(fitText('Short', 5)).toBe('Short')
  })

  it('cuts long text and ends it with an ellipsis, within the length', () => {
    const fitted = fitText('word '.repeat(100), 20)
    expect(fitted).toBe('word word word word…')
    expect(fitted.length).toBeLessThanOrEqual(20)
  })

  it('never splits an emoji, a flag or an Arabic letter from its marks', () => {
    const cases = ['😀'.repeat(50), '🇸🇦'.repeat(50), 'مَرْحَبًا '.repeat(20), '👩‍👩‍👧'.repeat(20)]
    for (const text of cases) {
      const boundaries = new Set(
        [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
          (part) => part.index,
        ),
      )
      for (const length of [7, 8, 9, 10, 31]) {
        const fitted = fitText(text, length)
        expect(fitted.length).toBeLessThanOrEqual(length)
        expect(fitted.endsWith('…')).toBe(true)
        expect(text.startsWith(fitted.slice(0, -1))).toBe(true)
        // A lone surrogate would not survive a round trip through UTF-8.
        expect(Buffer.from(fitted, 'utf8').toString('utf8')).toBe(fitted)
        expect(boundaries.has(fitted.length - 1)).toBe(true)
      }
    }
  })

  it('cuts after the last whole word when asked, unless that would lose more than half', () => {
    const text = 'The winner crosses the line in Lighthouse Square'
    expect(fitText(text, 20, { atWordEnd: true })).toBe('The winner crosses…')
    expect(fitText(text, 20)).toBe('The winner crosses…')
    expect(fitText(text, 26, { atWordEnd: true })).toBe('The winner crosses the…')
    expect(fitText(text, 26)).toBe('The winner crosses the li…')
    expect(fitText('Supercalifragilistic words', 12, { atWordEnd: true })).toBe('Supercalifr…')
  })
})
