import pg from 'pg'
import { TEST_POSTGRES_URL } from './test-databases.js'

async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/** A throwaway PostgreSQL database for Masthead processes a test starts; answers its URL. */
export async function createNamedDatabase(name: string): Promise<string> {
  await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await asAdmin(`CREATE DATABASE ${name}`)
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/** Drops a database made by createNamedDatabase, with whoever is still connected. */
export function dropNamedDatabase(name: string): Promise<void> {
  return asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}
