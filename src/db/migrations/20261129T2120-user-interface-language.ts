import type { Kysely } from 'kysely'

/** Each person's newsroom interface language ('en', 'ar'); null until they choose one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('ui_language', 'text').execute()
}
