import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/**
 * Runs `work` in a transaction, or inside the caller's transaction when `db` already is one, so
 * that repository functions compose into larger all-or-nothing operations (the demo loader, imports).
 */
export function withTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
