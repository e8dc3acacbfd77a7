import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

class DryRunRollback extends Error {}

/**
 * Runs an import for real, or, for a dry run, inside one transaction that is rolled back at the
 * end: the report counts what would happen, and the database is left as it was.
 */
export async function runImport(
  db: Kysely<Database>,
  isDryRun: boolean | undefined,
  run: (db: Kysely<Database>) => Promise<void>,
): Promise<void> {
  if (!isDryRun) return run(db)
  await db
    .transaction()
    .execute(async (trx) => {
      await run(trx)
      throw new DryRunRollback()
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunRollback)) throw error
    })
}
