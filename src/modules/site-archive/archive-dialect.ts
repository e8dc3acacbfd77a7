import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../../db/dialect-sql.js'

/** The table's name in SQL: `articleNotices` → `article_notices`. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/**
 * Runs `work` on one connection inside a read-only snapshot, so every table is read as of one
 * moment while the site keeps writing: REPEATABLE READ on PostgreSQL, a deferred (read)
 * transaction on SQLite, which in WAL mode never blocks the writers.
 */
export function withReadSnapshot<DB, T>(
  db: Kysely<DB>,
  work: (connection: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const begin = isPostgres(db) ? 'begin isolation level repeatable read read only' : 'begin'
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection)
    try {
      const result = await work(connection)
      await sql.raw('commit').execute(connection)
      return result
    } catch (error) {
      await sql
        .raw('rollback')
        .execute(connection)
        .catch(() => undefined)
      throw error
    }
  })
}

/**
 * After rows were written with their ids, moves each table's id sequence past the largest id, so
 * the next new row does not collide. SQLite does this by itself; PostgreSQL's serial does not.
 */
export async function advanceIdSequences<DB>(db: Kysely<DB>, tables: string[]): Promise<void> {
  if (!isPostgres(db)) return
  for (const table of tables) {
    const name = snakeCase(table)
    await sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${sql.table(name)}), 0) + 1, false)`.execute(
      db,
    )
  }
}
