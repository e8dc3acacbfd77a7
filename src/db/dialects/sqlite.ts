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

/** The slice of better-sqlite3 that Kysely's SQLite dialect uses. */
type StatementSource = Pick<SqliteDatabase.Database, 'prepare' | 'close'>

/**
 * Keeps prepared statements by their SQL text, the least recently used dropped first. Kysely
 * prepares every query anew, and preparing cost more than running the query on a page render.
 */
function withStatementCache(database: SqliteDatabase.Database, size: number): StatementSource {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (statement) statements.delete(sql)
      else statement = database.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > size) statements.delete(statements.keys().next().value as string)
      return statement
    },
  } as StatementSource
}

/** Distinct queries kept prepared; lists of ids make many texts of one query, hence the margin. */
const PREPARED_STATEMENTS = 1000

/** Opens the SQLite file in WAL mode with foreign keys on and a busy timeout. */
export function createSqliteDialect(file: string): SqliteDialect {
  const database = new SqliteDatabase(file)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return new MastheadSqliteDialect({ database: withStatementCache(database, PREPARED_STATEMENTS) })
}
