import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError } from './config-error.js'
import { loadConfig } from './load-config.js'

const folder = mkdtempSync(join(tmpdir(), 'masthead-config-'))
const dataDir = join(folder, 'data')

function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig({ MASTHEAD_DATA_DIR: dataDir, ...env })
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('loadConfig', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('gives the documented defaults and a frozen object', () => {
    const config = loadConfig({ MASTHEAD_DATA_DIR: dataDir })
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir,
      siteUrl: 'http://localhost:3000',
      database: { kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') },
      isDemoEnabled: true,
      logLevel: 'info',
      metrics: { allow: ['127.0.0.0/8', '::1/128'], token: undefined },
      shutdownDelayMs: 0,
    })
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.database)).toBe(true)
  })

  it('reads PostgreSQL URLs, the site URL without a trailing slash, and demo switches', () => {
    const config = loadConfig({
      MASTHEAD_DATA_DIR: dataDir,
      PORT: '8080',
      DATABASE_URL: 'postgresql://news@db.internal:5433/masthead',
      MASTHEAD_SITE_URL: 'https://news.example/',
      MASTHEAD_DEMO: 'false',
      MASTHEAD_DB_CONNECT_TIMEOUT: '5',
    })
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgresql://news@db.internal:5433/masthead',
      connectTimeoutMs: 5000,
    })
    expect(config.siteUrl).toBe('https://news.example')
    expect(config.isDemoEnabled).toBe(false)
  })

  it.each([
    ['PORT', 'abc', 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    ['PORT', '70000', 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [
      'DATABASE_URL',
      'mysql://root@localhost/news',
      'DATABASE_URL must be empty (SQLite) or a postgres:// or postgresql:// URL (got "mysql://root@localhost/news")',
    ],
    [
      'MASTHEAD_SITE_URL',
      'news.example',
      'MASTHEAD_SITE_URL must be an absolute http:// or https:// URL (got "news.example")',
    ],
    ['MASTHEAD_DEMO', 'maybe', 'MASTHEAD_DEMO must be one of 1, 0, true, false (got "maybe")'],
    [
      'MASTHEAD_ADMIN_PASSWORD',
      'short',
      'MASTHEAD_ADMIN_PASSWORD must be a password of at least 12 characters (got 5 characters)',
    ],
    [
      'MASTHEAD_METRICS_TOKEN',
      'secret with spaces',
      'MASTHEAD_METRICS_TOKEN must be empty (no token) or a token of at least 24 characters without spaces (got 18 characters)',
    ],
    [
      'MASTHEAD_SMTP_URL',
      'smtp://news:hunter2@mail example',
      'MASTHEAD_SMTP_URL must be empty (no email) or an smtp:// or smtps:// URL (got "smtp://news:***@mail example")',
    ],
    [
      'MASTHEAD_METRICS_ALLOW',
      '10.0.0.0/33',
      'MASTHEAD_METRICS_ALLOW must be empty (no address) or comma-separated IP addresses or CIDR ranges (got "10.0.0.0/33")',
    ],
    [
      'MASTHEAD_METRICS_ALLOW',
      '300.1.2.3',
      'MASTHEAD_METRICS_ALLOW must be empty (no address) or comma-separated IP addresses or CIDR ranges (got "300.1.2.3")',
    ],
  ])('names %s and what it expects when it is %s', (variable, value, message) => {
    const error = configErrorOf({ [variable]: value })
    expect(error.variable).toBe(variable)
    expect(error.message).toBe(message)
  })

  it('refuses a data directory it cannot create or write', () => {
    const file = join(folder, 'a-file')
    writeFileSync(file, '')
    const error = configErrorOf({ MASTHEAD_DATA_DIR: join(file, 'data') })
    expect(error.variable).toBe('MASTHEAD_DATA_DIR')
    expect(error.message).toMatch(
      /^MASTHEAD_DATA_DIR must be a writable directory path \(.*ENOTDIR\)$/,
    )
  })
})
