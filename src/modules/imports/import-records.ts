import type { Kysely } from 'kysely'
import type { Database, ImportRecordsTable } from '../../db/database.js'

export type ImportOrigin = ImportRecordsTable['origin']
export type ImportKind = ImportRecordsTable['kind']

export interface ImportRecord {
  externalId: string
  guid: string
  entityId: number | null
  remoteUrl: string | null
}

/**
 * The record of one item: by its id in its system and its guid together (two exports of one site
 * address can give one id to different posts, and real exports repeat guids across posts), or
 * by its guid alone when that was recorded under another site address (the site moved).
 */
export async function findImportRecord(
  db: Kysely<Database>,
  key: {
    origin: ImportOrigin
    kind: ImportKind
    externalId: string
    guid?: string
    site?: string
  },
): Promise<ImportRecord | undefined> {
  const guid = key.guid ?? ''
  const byKind = db
    .selectFrom('importRecords')
    .select(['externalId', 'guid', 'entityId', 'remoteUrl'])
    .where('origin', '=', key.origin)
    .where('kind', '=', key.kind)
  // Two indexed lookups rather than one OR, which would scan every record of the kind.
  const exact = await byKind
    .where('externalId', '=', key.externalId)
    .where('guid', '=', guid)
    .executeTakeFirst()
  if (exact || guid === '') return exact
  const sitePrefix = `${key.site ?? ''}#`
  const sameGuid = await byKind.where('guid', '=', guid).execute()
  return sameGuid.find((row) => !row.externalId.startsWith(sitePrefix))
}

/** Every record of a kind from one site (external ids start with the site's key), by external id. */
export async function listImportRecords(
  db: Kysely<Database>,
  key: { origin: ImportOrigin; kind: ImportKind; site: string },
): Promise<Map<string, ImportRecord>> {
  const rows = await db
    .selectFrom('importRecords')
    .select(['externalId', 'guid', 'entityId', 'remoteUrl'])
    .where('origin', '=', key.origin)
    .where('kind', '=', key.kind)
    .where('externalId', 'like', `${key.site.replace(/[%_\\]/g, '\\$&')}#%`)
    .execute()
  return new Map(rows.map((row) => [row.externalId, row]))
}

/** Stores or updates the record of one item. */
export async function saveImportRecord(
  db: Kysely<Database>,
  record: ImportRecord & { origin: ImportOrigin; kind: ImportKind },
  now: Date,
): Promise<void> {
  const timestamp = now.toISOString()
  await db
    .insertInto('importRecords')
    .values({ ...record, createdAt: timestamp, updatedAt: timestamp })
    .onConflict((conflict) =>
      conflict.columns(['origin', 'kind', 'externalId', 'guid']).doUpdateSet({
        entityId: record.entityId,
        remoteUrl: record.remoteUrl,
        updatedAt: timestamp,
      }),
    )
    .execute()
}

/** Ids per `in (…)` list: well under the bound-parameter limits of SQLite and PostgreSQL. */
const KEYS_PER_QUERY = 500

function chunked<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let index = 0; index < items.length; index += size)
    result.push(items.slice(index, index + size))
  return result
}

/** The key of an item in the maps `findImportRecords` answers. */
export function importRecordKey(key: { externalId: string; guid?: string }): string {
  return `${key.externalId}\n${key.guid ?? ''}`
}

/**
 * The records of many items of one kind, as `findImportRecord` finds each (by id and guid, else
 * by guid under another site address), in two queries per 500 items rather than one or two each;
 * by `importRecordKey`. Items without a record are absent.
 */
export async function findImportRecords(
  db: Kysely<Database>,
  key: {
    origin: ImportOrigin
    kind: ImportKind
    site?: string
    items: { externalId: string; guid?: string }[]
  },
): Promise<Map<string, ImportRecord>> {
  const found = new Map<string, ImportRecord>()
  const wanted = new Set(key.items.map(importRecordKey))
  const byKind = db
    .selectFrom('importRecords')
    .select(['externalId', 'guid', 'entityId', 'remoteUrl'])
    .where('origin', '=', key.origin)
    .where('kind', '=', key.kind)
  const externalIds = [...new Set(key.items.map((item) => item.externalId))]
  for (const part of chunked(externalIds, KEYS_PER_QUERY)) {
    for (const row of await byKind.where('externalId', 'in', part).execute()) {
      const rowKey = importRecordKey(row)
      if (wanted.has(rowKey) && !found.has(rowKey)) found.set(rowKey, row)
    }
  }
  const sitePrefix = `${key.site ?? ''}#`
  const missing = key.items.filter((item) => item.guid && !found.has(importRecordKey(item)))
  const guids = [...new Set(missing.map((item) => item.guid ?? ''))]
  const byGuid = new Map<string, ImportRecord>()
  for (const part of chunked(guids, KEYS_PER_QUERY)) {
    for (const row of await byKind.where('guid', 'in', part).execute())
      if (!row.externalId.startsWith(sitePrefix) && !byGuid.has(row.guid)) byGuid.set(row.guid, row)
  }
  for (const item of missing) {
    const row = byGuid.get(item.guid ?? '')
    if (row) found.set(importRecordKey(item), row)
  }
  return found
}

/** Stores or updates the records of many items in a few multi-row statements. */
export async function saveImportRecords(
  db: Kysely<Database>,
  records: (ImportRecord & { origin: ImportOrigin; kind: ImportKind })[],
  now: Date,
): Promise<void> {
  const timestamp = now.toISOString()
  // One row per key (the last wins, as one save after another would leave it): PostgreSQL refuses
  // to update one row twice in a statement.
  const unique = new Map(
    records.map((record) => [
      `${record.origin}\n${record.kind}\n${importRecordKey(record)}`,
      { ...record, createdAt: timestamp, updatedAt: timestamp },
    ]),
  )
  for (const part of chunked([...unique.values()], KEYS_PER_QUERY))
    await db
      .insertInto('importRecords')
      .values(part)
      .onConflict((conflict) =>
        conflict.columns(['origin', 'kind', 'externalId', 'guid']).doUpdateSet((eb) => ({
          entityId: eb.ref('excluded.entityId'),
          remoteUrl: eb.ref('excluded.remoteUrl'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute()
}
