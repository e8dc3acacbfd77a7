import SqliteDatabase from 'better-sqlite3'
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely'

/** How long a connection waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000

/**
 * Write transactions start with BEGIN IMMEDIATE: a deferred transaction that reads first and then
 * writes cannot wait for the lock (SQLite answers SQLITE_BUSY at once), an immediate one waits for
 * the busy timeout like any single write.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class MastheadSqliteDialect extends SqliteDialect {
  readonly #options: ConstructorParameters<typeof SqliteDialect>[0]

  constructor(options: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(options)
    this.#options = options
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.#options)
  }
}

/** Opens the SQLite file in WAL mode with foreign keys on and a busy timeout. */
export function createSqliteDialect(file: string): SqliteDialect {
  const database = new SqliteDatabase(file)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return new MastheadSqliteDialect({ database })
}
