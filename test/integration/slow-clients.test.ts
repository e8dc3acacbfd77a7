import { mkdtempSync } from 'node:fs'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { systemClock } from '../../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

let store: TestStore
let app: FastifyInstance
let port: number

beforeAll(async () => {
  store = await createTestStore('sqlite')
  const config = loadConfig({
    MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-slow-')),
    MASTHEAD_DEMO: '0',
  })
  app = await buildApp({
    config,
    store,
    clock: systemClock,
    storage: createLocalMediaStorage(mediaFolderOf(config.dataDir)),
    // Short limits so the test waits seconds, not minutes; the defaults are the same mechanism.
    serverTimeouts: { headersMs: 1000, requestMs: 1500, keepAliveMs: 500, checkEveryMs: 200 },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port
})

afterAll(async () => {
  await app.close()
  await store.dispose()
})

/** Sends the bytes and answers what the server sent back and how long until it hung up. */
function talk(bytes: string): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let reply = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (reply += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve({ reply, closedAfterMs: Date.now() - started }))
    // A server that never hangs up fails the test instead of hanging it.
    setTimeout(() => socket.destroy(new Error('the server kept the connection open')), 10_000)
  })
}

describe('slow and oversized clients', () => {
  it('drops a client that never finishes its headers', async () => {
    const { reply, closedAfterMs } = await talk('GET /healthz HTTP/1.1\r\nHost: a\r\nX-Slow: ')
    expect(reply).toMatch(/^HTTP\/1\.1 408 /)
    expect(closedAfterMs).toBeLessThan(5000)
  })

  it('drops a client that never finishes its body', async () => {
    const { reply } = await talk(
      'POST /api/admin/session HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"email":',
    )
    expect(reply).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes an idle kept-alive connection after its request was answered', async () => {
    const { reply, closedAfterMs } = await talk('GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n')
    expect(reply).toMatch(/^HTTP\/1\.1 200 /)
    expect(closedAfterMs).toBeLessThan(5000)
  })

  it('refuses a body over the limit with 413 BODY_TOO_LARGE before reading it all', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(response.statusCode).toBe(413)
    expect(response.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('BODY_TOO_LARGE')
  })
})
