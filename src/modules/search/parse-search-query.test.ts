import { describe, expect, it } from 'vitest'
import { isSearchable, parseSearchQuery, positiveTerms } from './parse-search-query.js'

describe('parseSearchQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    expect(parseSearchQuery('flood "river bank" -storm harbour OR port')).toEqual({
      all: [
        [{ terms: ['flood'] }],
        [{ terms: ['river', 'bank'] }],
        [{ terms: ['harbour'] }, { terms: ['port'] }],
      ],
      none: [{ terms: ['storm'] }],
    })
  })

  it('excludes a phrase', () => {
    expect(parseSearchQuery('budget -"central bank"').none).toEqual([
      { terms: ['central', 'bank'] },
    ])
  })

  it('treats an unbalanced quote as a phrase to the end', () => {
    expect(parseSearchQuery('"water supply').all).toEqual([[{ terms: ['water', 'suppli'] }]])
  })

  it('searches a hyphenated word as a phrase', () => {
    expect(parseSearchQuery('covid-19').all).toEqual([[{ terms: ['covid', '19'] }]])
  })

  it.each([
    ['only stop words', 'the of and في من'],
    ['only diacritics', '\u064E\u064F\u0650'],
    ['FTS syntax', '* : ^ ( ) NEAR AND'],
    ['only exclusions', '-storm -flood'],
    ['control characters and marks', '\u0000\u0007\u200F\u202E\u2066'],
    ['a lone OR', 'OR OR'],
  ])('gives an unsearchable query for %s', (_name, input) => {
    expect(isSearchable(parseSearchQuery(input))).toBe(false)
  })

  it('keeps at most 500 characters of a huge query', () => {
    const query = parseSearchQuery('word '.repeat(2000))
    expect(query.all.length).toBeLessThanOrEqual(12)
  })

  it('lists the positive terms once', () => {
    expect(positiveTerms(parseSearchQuery('المدارس مدرسة -وزير'))).toEqual(['مدارس', 'مدرس'])
  })
})
