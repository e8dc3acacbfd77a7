import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/db/create-database.js'
import { isAppError } from '../../src/errors/app-error.js'

describe('an unreachable PostgreSQL', () => {
  let silentServer: Server
  let port = 0
  let connectionAttempts = 0

  beforeAll(async () => {
    // A port that accepts connections and closes them at once, like a server still starting.
    silentServer = createServer((socket) => {
      connectionAttempts += 1
      socket.destroy()
    })
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve))
    port = (silentServer.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((resolve) => silentServer.close(() => resolve())))

  it('is retried with backoff for the configured time, then named in a clear error', async () => {
    const startedAt = Date.now()
    const failure = await openStore({
      kind: 'postgres',
      url: `postgres://postgres@127.0.0.1:${port}/masthead`,
      connectTimeoutMs: 2000,
    }).catch((error: unknown) => error)
    const elapsed = Date.now() - startedAt
    expect(isAppError(failure, 'DATABASE_UNREACHABLE')).toBe(true)
    expect((failure as Error).message).toMatch(
      new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${port}/masthead did not answer within 2 s: `),
    )
    expect(connectionAttempts).toBeGreaterThanOrEqual(3)
    expect(elapsed).toBeGreaterThanOrEqual(2000)
    expect(elapsed).toBeLessThan(10_000)
  })
})
