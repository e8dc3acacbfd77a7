import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { manualClock, type ManualClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildEditions, TEST_NOW } from '../helpers/factories.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

let store: TestStore
let app: FastifyInstance
let clock: ManualClock

beforeAll(async () => {
  store = await createTestStore('sqlite')
  await buildEditions(store.db)
  clock = manualClock(TEST_NOW)
  const config = loadConfig({
    MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-limits-')),
    MASTHEAD_DEMO: '0',
    MASTHEAD_SITE_URL: 'https://news.example',
    MASTHEAD_TRUST_PROXY: '127.0.0.1',
    MASTHEAD_API_RATE_LIMIT: '20',
    MASTHEAD_SEARCH_RATE_LIMIT: '5',
  })
  const storage = createLocalMediaStorage(mediaFolderOf(config.dataDir))
  app = await buildApp({ config, store, clock, storage })
})

afterAll(async () => {
  await app.close()
  await store.dispose()
})

const from = (address: string, url: string) =>
  app.inject({ url, headers: { 'x-forwarded-for': address } })

describe('per-address rate limits', () => {
  it('answers 429 with Retry-After past the search limit, per address, until the minute ends', async () => {
    // Each query a different one: answers from the page cache cost nothing and are not counted.
    for (let count = 0; count < 5; count += 1)
      expect((await from('198.51.100.1', `/en/search?q=port${count}`)).statusCode).toBe(200)
    const refused = await from('198.51.100.1', '/api/v1/search?q=harbour')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60)
    const [error] = refused.json<{ errors: { code: string; message: string }[] }>().errors
    expect(error?.code).toBe('TOO_MANY_REQUESTS')
    expect(error?.message).toMatch(/^Too many searches; try again in \d+ s$/)
    // Another reader is not affected, and pages other than search still answer.
    expect((await from('198.51.100.2', '/en/search?q=quay')).statusCode).toBe(200)
    expect((await from('198.51.100.1', '/en/')).statusCode).toBe(200)

    clock.advance(60_000)
    expect((await from('198.51.100.1', '/en/search?q=pier')).statusCode).toBe(200)
  })

  it('counts a search however its path is spelled, on the site of both editions and the content API', async () => {
    const spellings = [
      (q: string) => `/en/%73earch?q=${q}`,
      (q: string) => `/ar/%73earch?q=${q}`,
      (q: string) => `/en/se%61rch?q=${q}`,
      (q: string) => `/api/v1/%73earch?language=en&q=${q}`,
      (q: string) => `/%61pi/v1/search?language=ar&q=${q}`,
    ]
    for (const [index, spelling] of spellings.entries()) {
      const address = `198.51.100.${20 + index}`
      for (let count = 0; count < 5; count += 1)
        expect((await from(address, spelling(`dock${count}`))).statusCode).toBe(200)
      const refused = await from(address, spelling('wharf'))
      expect(refused.statusCode, spelling('wharf')).toBe(429)
      expect(refused.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe(
        'TOO_MANY_REQUESTS',
      )
      // The plain spelling is refused too: it is the same limit.
      expect((await from(address, '/en/search?q=jetty')).statusCode).toBe(429)
    }
  })

  it('limits the content API per address, and leaves the Admin API to its sign-in throttle', async () => {
    const statuses: number[] = []
    for (let count = 0; count < 21; count += 1)
      statuses.push(
        (await from('198.51.100.7', `/api/v1/articles?language=en&pageSize=${count + 1}`))
          .statusCode,
      )
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true)
    expect(statuses[20]).toBe(429)
    for (let count = 0; count < 25; count += 1)
      expect((await from('198.51.100.7', '/api/admin/session')).statusCode).toBe(401)
  })
})
