import { beforeAll, describe, expect, it } from 'vitest'
import { createSearchIndex, type SearchIndex } from '../../../src/modules/search/search-index.js'
import { ARABIC_CASES, ENGLISH_CASES } from '../../fixtures/search/queries.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { loadSearchCorpus, type LoadedCorpus } from '../../helpers/search-corpus.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describe('the relevance set', () => {
  it('has at least 20 Arabic and 20 English queries', () => {
    expect(ARABIC_CASES.length).toBeGreaterThanOrEqual(20)
    expect(ENGLISH_CASES.length).toBeGreaterThanOrEqual(20)
  })
})

describeEachDatabase('search relevance', (store) => {
  let corpus: LoadedCorpus
  let index: SearchIndex
  beforeAll(async () => {
    corpus = await loadSearchCorpus(store().db)
    index = createSearchIndex({ db: store().db, now: () => TEST_NOW })
    await index.rebuild()
  })

  for (const relevance of [...ARABIC_CASES, ...ENGLISH_CASES]) {
    it(`finds ${relevance.expected.join(', ')} in the top 3 for ${relevance.query} (${relevance.why})`, async () => {
      const page = await index.search(
        { query: relevance.query, language: relevance.language },
        { pageSize: 20 },
      )
      const keys = page.items.map((hit) => corpus.keys.get(hit.article.id))
      for (const key of relevance.expected) expect(keys.slice(0, 3), keys.join(' ')).toContain(key)
      for (const key of relevance.excluded ?? []) expect(keys).not.toContain(key)
    })
  }
})
