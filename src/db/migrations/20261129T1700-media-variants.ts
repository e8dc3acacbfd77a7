import type { Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/** The responsive variants and focal crops of each media item, null until the job has made them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  await db.schema.alterTable('media').addColumn('variants', t.json).execute()
}
