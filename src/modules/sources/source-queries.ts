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

/** A source as the newsroom adds it. */
export interface NewSource {
  slug: string
  name: LocalizedText
  url?: string | null
}

function toSource(row: Selectable<SourcesTable>): Source {
  return { id: row.id, slug: row.slug, name: parseLocalized(row.name), url: row.url }
}

/** Adds a source; returns its id. */
export async function createSource(
  db: Kysely<Database>,
  input: NewSource,
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

/** What a change to a source may set; a name given replaces every language's. */
export type SourceChanges = Partial<NewSource>

/** Changes a source. */
export async function updateSource(
  db: Kysely<Database>,
  input: { id: number; changes: SourceChanges },
): Promise<void> {
  const { name, ...plain } = input.changes
  const values = { ...plain, ...(name ? { name: JSON.stringify(name) } : {}) }
  if (Object.values(values).every((value) => value === undefined)) return
  await db.updateTable('sources').set(values).where('id', '=', input.id).execute()
}

/** The source with this id, or undefined. */
export async function findSourceById(
  db: Kysely<Database>,
  id: number,
): Promise<Source | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toSource(row)
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
