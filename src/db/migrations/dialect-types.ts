import { PostgresAdapter, sql, type ColumnDataType, type Expression, type Kysely } from 'kysely'

/**
 * Column types that differ between the two databases. Part of the migrations: frozen like them,
 * never importing application code.
 */
export interface DialectTypes {
  /** An auto-incrementing integer primary key type. */
  serial: ColumnDataType
  /** timestamptz on PostgreSQL; ISO 8601 text on SQLite. */
  timestamp: ColumnDataType | Expression<unknown>
  /** jsonb on PostgreSQL; JSON text on SQLite. */
  json: ColumnDataType | Expression<unknown>
  isPostgres: boolean
}

export function dialectTypes(db: Kysely<unknown>): DialectTypes {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter
  return isPostgres
    ? { serial: 'serial', timestamp: sql`timestamptz`, json: 'jsonb', isPostgres }
    : { serial: 'integer', timestamp: 'text', json: 'text', isPostgres }
}
