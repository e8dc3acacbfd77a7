import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from './parse-search-query.js'
import { toFtsMatch, toTsQuery } from './search-dialect.js'

describe('query text for the two databases', () => {
  const query = parseSearchQuery('flood "river bank" harbour OR port -storm')

  it('writes FTS5 syntax with every term quoted', () => {
    expect(toFtsMatch(query)).toBe(
      '("flood" AND "river bank" AND ("harbour" OR "port")) NOT "storm"',
    )
  })

  it('writes tsquery syntax with every lexeme quoted', () => {
    expect(toTsQuery(query)).toBe(
      "'flood' & ('river' <-> 'bank') & ('harbour' | 'port') & !'storm'",
    )
  })

  it('keeps the syntax of a hostile query out of both', () => {
    const hostile = parseSearchQuery(`NEAR(a b) col:"x" ^y* '); drop table t; -- \\ "`)
    for (const text of [toFtsMatch(hostile), toTsQuery(hostile)]) {
      expect(text).not.toMatch(/NEAR\(|:|\^|\*|;|\\/)
    }
    // NEAR and a are stop words; col:"x" is one word of two terms, searched as a phrase.
    expect(toFtsMatch(hostile)).toBe('("b" AND "col x" AND "y" AND "drop" AND "tabl" AND "t")')
  })
})
