import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'

/** A column the generator writes, with its PostgreSQL type for the array of a batched insert. */
export type ColumnSpec = readonly [name: string, postgresType: string]

/** Where generated rows go: a table's rows in column order, written in bulk. */
export interface RowSink {
  add(table: string, columns: readonly ColumnSpec[], row: unknown[]): Promise<void> | void
  /** Writes what is buffered and ends the bulk write. */
  finish(): Promise<void>
}

/**
 * SQLite: one transaction, one prepared statement per table, the driver called directly (no
 * Kysely, no services): a million articles in minutes instead of hours.
 */
export function createSqliteSink(file: string): RowSink {
  const database = new SqliteDatabase(file)
  database.pragma('journal_mode = wal')
  database.pragma('synchronous = off')
  database.pragma('cache_size = -262144')
  const statements = new Map<string, SqliteDatabase.Statement>()
  database.exec('begin')
  return {
    add(table, columns, row) {
      let statement = statements.get(table)
      if (!statement) {
        statement = database.prepare(
          `insert into ${table} (${columns.map(([name]) => name).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        )
        statements.set(table, statement)
      }
      statement.run(row)
    },
    finish() {
      database.exec('commit')
      database.pragma('wal_checkpoint(truncate)')
      database.close()
      return Promise.resolve()
    },
  }
}

/** The listings `listing_counts` counts: name, key column, table. */
const COUNTED_LISTINGS = [
  ['edition', '0', 'articles'],
  ['section', 'section_id', 'articles'],
  ['source', 'source_id', 'articles'],
  ['tag', 'tag_id', 'article_tags'],
  ['author', 'author_id', 'article_authors'],
] as const

/** Rows per batched insert on PostgreSQL. */
const POSTGRES_BATCH = 5000

/**
 * PostgreSQL: batches of rows sent as one array per column and inserted with `unnest`, one
 * statement per 5,000 rows. Not `COPY`: pg has no COPY FROM of its own (pg-copy-streams would be
 * a new dependency), and an unnest insert of typed arrays runs close to it. Ids are written by the
 * generator, so each table's sequence is moved past them at the end. The session runs as a
 * replica (superuser, as the bench's server allows): foreign keys are not checked row by row, which
 * also lets a table's batch go in before the batch of the table it points to; triggers do not fire
 * either, so the generator writes the link rows' copied columns and the counts are made at the end.
 */
export function createPostgresSink(url: string): RowSink {
  const client = new pg.Client({ connectionString: url })
  const buffers = new Map<string, { columns: readonly ColumnSpec[]; rows: unknown[][] }>()
  let connected: Promise<void> | undefined

  async function flush(table: string): Promise<void> {
    const buffer = buffers.get(table)
    if (!buffer || buffer.rows.length === 0) return
    const { columns, rows } = buffer
    buffer.rows = []
    const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null))
    await client.query(
      `insert into ${table} (${columns.map(([name]) => name).join(', ')})
       select * from unnest(${columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})`,
      arrays,
    )
  }

  return {
    async add(table, columns, row) {
      connected ??= client
        .connect()
        .then(() => client.query(`set session_replication_role = replica`))
        .then(() => client.query('begin'))
        .then(() => undefined)
      await connected
      let buffer = buffers.get(table)
      if (!buffer) buffers.set(table, (buffer = { columns, rows: [] }))
      buffer.rows.push(row)
      if (buffer.rows.length >= POSTGRES_BATCH) await flush(table)
    },
    async finish() {
      if (!connected) return
      await connected
      for (const table of buffers.keys()) await flush(table)
      for (const table of buffers.keys()) {
        const { columns } = buffers.get(table) ?? { columns: [] }
        if (!columns.some(([name]) => name === 'id')) continue
        await client.query(
          `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
        )
      }
      // Triggers do not fire for a replica: the listings' counts are made as the migration does.
      await client.query('delete from listing_counts')
      for (const [listing, key, table] of COUNTED_LISTINGS)
        await client.query(
          `insert into listing_counts (listing, listing_id, language, published)
           select '${listing}', ${key === '0' ? '0' : key}, language, count(*) from ${table}
           where status = 'published' and published_at is not null and ${key} is not null
           group by ${key === '0' ? 'language' : `${key}, language`}`,
        )
      await client.query('commit')
      // As autovacuum would in time: statistics, and a visibility map for index-only scans.
      await client.query('vacuum analyze')
      await client.end()
    },
  }
}
