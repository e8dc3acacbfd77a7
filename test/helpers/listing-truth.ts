import { sql, type Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Database } from '../../src/db/database.js'

type Count = { listing: string; listingId: number; language: string; published: number }

const counted = (alias = 'articles') =>
  sql.raw(`${alias}.status = 'published' and ${alias}.published_at is not null`)

/** Every listing's count recomputed from the rows themselves, the truth the kept counts follow. */
async function recount(db: Kysely<Database>): Promise<Count[]> {
  const { rows } = await sql<Count>`
    select 'edition' as listing, 0 as "listingId", language, count(*) as published
      from articles where ${counted()} group by language
    union all select 'section', section_id, language, count(*)
      from articles where ${counted()} group by section_id, language
    union all select 'source', source_id, language, count(*)
      from articles where ${counted()} and source_id is not null group by source_id, language
    union all select 'tag', t.tag_id, a.language, count(*) from article_tags t
      join articles a on a.id = t.article_id where ${counted('a')} group by t.tag_id, a.language
    union all select 'author', l.author_id, a.language, count(*) from article_authors l
      join articles a on a.id = l.article_id where ${counted('a')}
      group by l.author_id, a.language`.execute(db)
  return normalised(rows)
}

function normalised(rows: Count[]): Count[] {
  return rows
    .map((row) => ({ ...row, listingId: Number(row.listingId), published: Number(row.published) }))
    .filter((row) => row.published !== 0)
    .sort((a, b) =>
      `${a.listing}/${a.listingId}/${a.language}`.localeCompare(
        `${b.listing}/${b.listingId}/${b.language}`,
      ),
    )
}

/** Kept counts equal recounted ones, and every link row carries its article's edition, status, time. */
export async function expectListingsInStep(db: Kysely<Database>): Promise<void> {
  const kept = await db.selectFrom('listingCounts').selectAll().execute()
  expect(normalised(kept)).toEqual(await recount(db))
  for (const table of ['article_tags', 'article_authors']) {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(table)} l join articles a on a.id = l.article_id
      where l.language is distinct from a.language or l.status is distinct from a.status
        or l.published_at is distinct from a.published_at`.execute(db)
    expect(Number(rows[0]?.n), table).toBe(0)
  }
}
