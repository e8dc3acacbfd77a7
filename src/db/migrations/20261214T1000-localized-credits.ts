import type { Kysely } from 'kysely'
import { dialectTypes } from './dialect-types.js'

/**
 * A photo credit in the words of each edition (`{"ar": "تصوير: …"}`), beside the one `credit`
 * that stays the credit of every language without a form of its own. Existing items have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = dialectTypes(db)
  await db.schema
    .alterTable('media')
    .addColumn('credit_by_language', t.json, (c) => c.notNull().defaultTo('{}'))
    .execute()
}
