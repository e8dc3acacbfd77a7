import type { Kysely, Selectable } from 'kysely'
import type { Database, SourcesTable } from '../../db/database.js'
import { queryTemplate } from '../../db/query-template.js'
import { parseLocalized, type LocalizedText } from '../../platform/localized-text.js'

/** A news agency or other origin of a story, shown as "Source: …". */
export interface Source {
  id: number
  slug: string
  name: LocalizedText
  url: string | null
}

function toSource(row: Selectable<SourcesTable>): Source {
  return { id: row.id, slug: row.slug, name: parseLocalized(row.name), url: row.url }
}

export async function createSource(
  db: Kysely<Database>,
  input: { slug: string; name: LocalizedText; url?: string | null },
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('sources')
    .values({
      slug: input.slug,
      name: JSON.stringify(input.name),
      url: input.url ?? null,
      createdAt: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function findSourceBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Source | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toSource(row)
}

const sourcesByIds = queryTemplate((db, p: { ids: number[] }) =>
  db.selectFrom('sources').selectAll().where('id', 'in', p.ids),
)

/** The sources with these ids, by id. */
export async function findSourcesByIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, Source>> {
  if (ids.length === 0) return new Map()
  const rows = await sourcesByIds.execute(db, { ids: [...new Set(ids)] })
  return new Map(rows.map((row) => [row.id, toSource(row)]))
}

export async function listSources(db: Kysely<Database>): Promise<Source[]> {
  const rows = await db.selectFrom('sources').selectAll().orderBy('slug').execute()
  return rows.map(toSource)
}
