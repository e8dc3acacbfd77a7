import { setTimeout as sleep } from 'node:timers/promises'
import { CamelCasePlugin, Kysely, sql, type KyselyConfig } from 'kysely'
import type pg from 'pg'
import type { DatabaseConfig } from '../config/config.js'
import { AppError } from '../errors/app-error.js'
import type { Database } from './database.js'
import { createSqliteDialect } from './dialects/sqlite.js'

export type DialectName = 'sqlite' | 'postgres'

/** The store's connection: the typed query builder and which database is behind it. */
export interface Store {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
  /** PostgreSQL's connection pool, read by /metrics; SQLite has one connection and no pool. */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>
}

const FIRST_RETRY_DELAY_MS = 250
const LONGEST_RETRY_DELAY_MS = 5000

function describeTarget(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url)
    return `${hostname}:${port || '5432'}${pathname}`
  } catch {
    return 'the configured server'
  }
}

/**
 * Waits until PostgreSQL answers, retrying with exponential backoff for at most `timeoutMs`, then
 * fails with DATABASE_UNREACHABLE naming the server and the last error.
 */
async function waitForPostgres(
  db: Kysely<Database>,
  url: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let delay = FIRST_RETRY_DELAY_MS
  for (;;) {
    try {
      await sql`select 1`.execute(db)
      return
    } catch (error) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new AppError(
          'DATABASE_UNREACHABLE',
          `PostgreSQL at ${describeTarget(url)} did not answer within ${Math.round(timeoutMs / 1000)} s: ${reason}`,
          { cause: error },
        )
      }
      await sleep(Math.min(delay, remaining))
      delay = Math.min(delay * 2, LONGEST_RETRY_DELAY_MS)
    }
  }
}

/** What else a store may be opened with; `log` sees every query run (tests read their plans). */
export interface StoreOptions {
  log?: KyselyConfig['log']
}

/** Opens the store named by the configuration: SQLite (file) or PostgreSQL (pool). */
export async function openStore(
  config: DatabaseConfig,
  options: StoreOptions = {},
): Promise<Store> {
  const plugins = [new CamelCasePlugin()]
  const { log } = options
  if (config.kind === 'sqlite') {
    const db = new Kysely<Database>({ dialect: createSqliteDialect(config.file), plugins, log })
    return { db, dialect: 'sqlite', close: () => db.destroy() }
  }
  // pg is loaded only for PostgreSQL, so a process on SQLite never holds it.
  const { createPostgresDialect } = await import('./dialects/postgres.js')
  const { dialect, pool } = createPostgresDialect(config.url)
  const db = new Kysely<Database>({ dialect, plugins, log })
  try {
    await waitForPostgres(db, config.url, config.connectTimeoutMs)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return { db, dialect: 'postgres', pool, close: () => db.destroy() }
}
