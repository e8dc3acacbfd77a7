import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import { createArticle } from '../../src/modules/articles/article-queries.js'
import { paragraph } from '../../src/modules/articles/document/article-document.js'
import { createAuthor } from '../../src/modules/authors/author-queries.js'
import { createSection } from '../../src/modules/sections/section-queries.js'
import { findOrCreateTags } from '../../src/modules/tags/tag-queries.js'
import { CORPUS, CORPUS_AUTHORS, CORPUS_SECTIONS } from '../fixtures/search/corpus.js'
import { buildEditions, hoursAgo, TEST_NOW } from './factories.js'

/** What loading the corpus created: article ids by corpus key, and the taxonomy's ids. */
export interface LoadedCorpus {
  ids: Map<string, number>
  keys: Map<number, string>
  sections: Map<string, number>
  authors: Map<string, number>
}

/** Writes the search corpus (test/fixtures/search) into an empty database; does not index it. */
export async function loadSearchCorpus(db: Kysely<Database>): Promise<LoadedCorpus> {
  await buildEditions(db)
  const sections = new Map<string, number>()
  for (const [key, name] of Object.entries(CORPUS_SECTIONS)) {
    const translations = {
      en: { name: name.en, slug: `${key}-corpus` },
      ar: { name: name.ar, slug: `${name.ar}-corpus` },
    }
    sections.set(key, await createSection(db, { translations }, TEST_NOW))
  }
  const authors = new Map<string, number>()
  for (const [key, name] of Object.entries(CORPUS_AUTHORS))
    authors.set(key, await createAuthor(db, { slug: `${key}-corpus`, name: { ...name } }, TEST_NOW))
  const ids = new Map<string, number>()
  for (const article of CORPUS) {
    const tags = await findOrCreateTags(
      db,
      { language: article.language, names: article.tags },
      TEST_NOW,
    )
    const id = await createArticle(
      db,
      {
        language: article.language,
        sectionId: sections.get(article.section) ?? 0,
        status: 'published',
        headline: article.headline,
        dek: article.dek,
        bodyDoc: { type: 'doc', content: article.body.map(paragraph) },
        publishedAt: hoursAgo(article.hoursAgo),
        authorIds: article.author ? [authors.get(article.author) ?? 0] : [],
        tagIds: tags.map((tag) => tag.id),
      },
      TEST_NOW,
    )
    ids.set(article.key, id)
  }
  return { ids, keys: new Map([...ids].map(([key, id]) => [id, key])), sections, authors }
}
