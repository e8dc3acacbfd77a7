import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely'
import type { Database } from './database.js'
import { AppError } from '../errors/app-error.js'
import { MIGRATIONS } from './migrations/index.js'

const MIGRATION_TABLE = 'kysely_migration'

async function appliedMigrationNames(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return []
  const result = await sql<{
    name: string
  }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db)
  return result.rows.map((row) => row.name)
}

/**
 * Throws SCHEMA_TOO_NEW when the database holds migrations this version of Masthead does not know:
 * a newer version migrated it, and running older code on it could corrupt data.
 */
export async function assertSchemaNotNewer(db: Kysely<Database>): Promise<void> {
  const unknown = (await appliedMigrationNames(db)).filter((name) => !(name in MIGRATIONS))
  if (unknown.length > 0) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `The database was migrated by a newer version of Masthead (migration ${unknown.join(', ')}); ` +
        'run that version or a later one.',
    )
  }
}

/** Applies every pending migration; returns the names it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  await assertSchemaNotNewer(db)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) {
    const failed = results.find((result: MigrationResult) => result.status === 'Error')
    throw new AppError('INTERNAL', `Migration ${failed?.migrationName ?? '(unknown)'} failed`, {
      cause: error,
    })
  }
  return results.map((result) => result.migrationName)
}

/** Whether every known migration has been applied (for /readyz). */
export async function isSchemaCurrent(db: Kysely<Database>): Promise<boolean> {
  const applied = new Set(await appliedMigrationNames(db))
  return Object.keys(MIGRATIONS).every((name) => applied.has(name))
}
