import pg from 'pg'
import { PostgresDialect } from 'kysely'

const INT8_OID = 20
const NUMERIC_OID = 1700
const TIMESTAMPTZ_OID = 1184
const JSON_OID = 114
const JSONB_OID = 3802

/**
 * Values come back in the same shapes as from SQLite: counts as numbers, times as ISO strings,
 * JSON as text. Scoped to this pool, not set globally on the pg module.
 */
const sameShapesAsSqlite: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value)
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString()
    if (oid === JSON_OID || oid === JSONB_OID) return (value: string) => value
    return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown
  }) as pg.CustomTypesConfig['getTypeParser'],
}

/** A pooled PostgreSQL dialect; also returns the pool so callers can probe the connection. */
export function createPostgresDialect(url: string): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: sameShapesAsSqlite })
  // An idle connection the server dropped (restart, failover) is discarded by the pool and the
  // next query opens a new one; without a listener the event would crash the process.
  pool.on('error', () => undefined)
  // A connection in use when the server goes away emits 'error' too, besides failing its query
  // (which the caller sees); the pool drops it on release. Without a listener the process crashes.
  pool.on('connect', (client) => client.on('error', () => undefined))
  return { dialect: new PostgresDialect({ pool }), pool }
}
