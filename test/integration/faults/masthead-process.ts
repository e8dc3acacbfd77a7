import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../src/db/database.js'
import { CLUSTER_ADMIN } from '../../helpers/masthead-cluster.js'

const BIN = fileURLToPath(new URL('../../../bin/masthead.js', import.meta.url))

/** A port nobody listens on right now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'masthead-faults-'))
}

export interface MastheadProcess {
  url: string
  child: ChildProcess
  output(): string
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal: NodeJS.Signals): Promise<void>
}

/**
 * One real `masthead start --workers 1` (a single process, so SIGKILL takes the whole server) on a
 * port of its own, ready when it says it is serving.
 */
export async function startMasthead(input: {
  dataDir: string
  env?: NodeJS.ProcessEnv
  readyTimeoutMs?: number
}): Promise<MastheadProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, [BIN, 'start', '--workers', '1'], {
    env: {
      PATH: process.env['PATH'],
      PORT: String(port),
      MASTHEAD_DATA_DIR: input.dataDir,
      MASTHEAD_LOG_LEVEL: 'warn',
      MASTHEAD_ADMIN_EMAIL: CLUSTER_ADMIN.email,
      MASTHEAD_ADMIN_PASSWORD: CLUSTER_ADMIN.password,
      MASTHEAD_API_RATE_LIMIT: '0',
      MASTHEAD_SEARCH_RATE_LIMIT: '0',
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Masthead was not ready in time:\n${output}`)),
      input.readyTimeoutMs ?? 240_000,
    )
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Masthead is serving')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`Masthead exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** `PRAGMA integrity_check` and `foreign_key_check` on SQLite; a full read on PostgreSQL. */
export async function integrityOf(db: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
    const foreignKeys = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(db)
    return {
      check: rows.map((row) => Object.values(row)[0]).join('; '),
      foreignKeyViolations: foreignKeys.rows.length,
    }
  }
  // PostgreSQL recovers from its WAL and enforces its foreign keys itself: what is checked is that
  // every table reads to its end, and that no search entry outlived its article.
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
  for (const { name } of tables.rows) await sql`select count(*) from ${sql.table(name)}`.execute(db)
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from search_documents s
    where not exists (select 1 from articles a where a.id = s.article_id)`.execute(db)
  return { check: 'ok', foreignKeyViolations: rows[0]?.count ?? 0 }
}
