import type { Kysely } from 'kysely'
import type { Database, ImportRecordsTable } from '../db/database.js'

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
