import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import type { NewArticle } from '../../src/modules/articles/article.js'
import { createArticle } from '../../src/modules/articles/article-queries.js'
import { paragraph } from '../../src/modules/articles/document/article-document.js'
import { createAuthor } from '../../src/modules/authors/author-queries.js'
import { saveEditions, STARTING_EDITIONS } from '../../src/modules/editions/edition-queries.js'
import { createSection } from '../../src/modules/sections/section-queries.js'
import { createSource } from '../../src/modules/sources/source-queries.js'

/** A fixed "now" for tests: every timestamp they write is relative to it. */
export const TEST_NOW = new Date('2026-06-15T12:00:00.000Z')

let sequence = 0
/** A number unique within the test process, for slugs and names. */
export function nextSequence(): number {
  sequence += 1
  return sequence
}

/** `hours` before TEST_NOW, as an ISO string. */
export function hoursAgo(hours: number): string {
  return new Date(TEST_NOW.getTime() - hours * 3_600_000).toISOString()
}

export async function buildEditions(db: Kysely<Database>): Promise<void> {
  await saveEditions(db, STARTING_EDITIONS)
}

export async function buildSection(
  db: Kysely<Database>,
  overrides: { parentId?: number; position?: number; slug?: string } = {},
): Promise<number> {
  const slug = overrides.slug ?? `section-${nextSequence()}`
  return createSection(
    db,
    {
      parentId: overrides.parentId ?? null,
      position: overrides.position ?? 0,
      translations: {
        en: { name: `Section ${slug}`, slug },
        ar: { name: `قسم ${slug}`, slug: `قسم-${slug}` },
      },
    },
    TEST_NOW,
  )
}

export async function buildAuthor(db: Kysely<Database>): Promise<number> {
  const n = nextSequence()
  return createAuthor(
    db,
    { slug: `author-${n}`, name: { en: `Author ${n}`, ar: `كاتب ${n}` } },
    TEST_NOW,
  )
}

export async function buildSource(db: Kysely<Database>): Promise<number> {
  const n = nextSequence()
  return createSource(
    db,
    {
      slug: `agency-${n}`,
      name: { en: `Agency ${n}`, ar: `وكالة ${n}` },
      url: `https://agency-${n}.example`,
    },
    TEST_NOW,
  )
}

/** A published English article in a new section unless told otherwise. */
export async function buildArticle(
  db: Kysely<Database>,
  overrides: Partial<NewArticle> = {},
): Promise<number> {
  const n = nextSequence()
  return createArticle(
    db,
    {
      language: 'en',
      sectionId: overrides.sectionId ?? (await buildSection(db)),
      status: 'published',
      headline: `Headline number ${n}`,
      dek: `Dek ${n}`,
      bodyDoc: { type: 'doc', content: [paragraph(`Body of article ${n}.`)] },
      publishedAt: hoursAgo(n),
      ...overrides,
    },
    TEST_NOW,
  )
}
