import { connect, type Socket } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CLUSTER_ADMIN,
  getOnNewConnection,
  startMastheadCluster,
  type RunningCluster,
} from '../../helpers/masthead-cluster.js'
import { createTestStore, type TestStore } from '../../helpers/test-databases.js'

/** A port of its own in a range nothing else here uses. */
function randomPort(): number {
  return 41_000 + Math.floor(Math.random() * 8000)
}

/** Resolves once `text` has arrived on the socket; gives everything read so far. */
function readUntil(socket: Socket, text: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = ''
    const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${received}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      received += chunk.toString()
      if (received.includes(text)) {
        clearTimeout(timer)
        socket.off('data', onData)
        resolve(received)
      }
    }
    socket.on('data', onData)
  })
}

/** Whether a new TCP connection to the port is refused. */
function isRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

function exitOf(server: RunningCluster): Promise<number | null> {
  const { primary } = server
  if (primary.exitCode !== null) return Promise.resolve(primary.exitCode)
  return new Promise((resolve) => primary.once('exit', (code) => resolve(code)))
}

function collectOutput(server: RunningCluster): () => string {
  let output = ''
  server.primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.primary.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return () => output
}

describe.each(['sqlite', 'postgres'] as const)('graceful shutdown (%s)', (dialect) => {
  let store: TestStore | undefined
  let server: RunningCluster | undefined
  afterAll(async () => {
    await server?.stop()
    await store?.dispose()
  })

  it('finishes the request in flight, refuses new connections, stops the jobs and exits 0', async () => {
    const env: NodeJS.ProcessEnv = { MASTHEAD_LOG_LEVEL: 'info', MASTHEAD_DEMO: '0' }
    if (dialect === 'postgres') {
      store = await createTestStore('postgres', { migrate: false })
      if (store.databaseConfig.kind === 'postgres') env['DATABASE_URL'] = store.databaseConfig.url
    }
    const port = randomPort()
    server = await startMastheadCluster({ workers: 1, port, env })
    const output = collectOutput(server)

    // A sign-in whose body is still on its way: the server has its headers (it said 100
    // Continue) and waits for the rest.
    const body = JSON.stringify({ email: CLUSTER_ADMIN.email, password: CLUSTER_ADMIN.password })
    const socket = connect(port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const continued = readUntil(socket, '100 Continue')
    socket.write(
      'POST /api/admin/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    )
    await continued
    socket.write(body.slice(0, 10))

    server.primary.kill('SIGTERM')
    await expect.poll(() => isRefused(port), { timeout: 30_000, interval: 100 }).toBe(true)
    expect(server.primary.exitCode).toBeNull()

    const answered = readUntil(socket, '"csrfToken"')
    socket.write(body.slice(10))
    const response = await answered
    socket.destroy()
    expect(response).toMatch(/HTTP\/1\.1 200 OK/)
    expect(response.toLowerCase()).toContain('set-cookie: masthead_session=')

    expect(await exitOf(server)).toBe(0)
    const lines = output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; isJobRunnerRunning?: boolean })
    expect(lines.find((line) => line.msg === 'shutting down')).toBeDefined()
    expect(lines.find((line) => line.msg === 'shut down')).toMatchObject({
      isJobRunnerRunning: false,
    })
  }, 300_000)
})

describe('graceful shutdown with a delay', () => {
  let server: RunningCluster | undefined
  afterAll(async () => {
    await server?.stop()
  })

  it('answers /readyz with 503 during the delay while still serving, then stops', async () => {
    const port = randomPort()
    server = await startMastheadCluster({
      workers: 1,
      port,
      env: { MASTHEAD_DEMO: '0', MASTHEAD_SHUTDOWN_DELAY: '3' },
    })
    const base = `http://127.0.0.1:${port}`
    await expect
      .poll(async () => (await getOnNewConnection(`${base}/readyz`)).status, { timeout: 30_000 })
      .toBe(200)
    server.primary.kill('SIGTERM')
    await expect
      .poll(async () => (await getOnNewConnection(`${base}/readyz`)).status, { timeout: 10_000 })
      .toBe(503)
    // Still serving during the delay: the load balancer may send a few more before it notices.
    expect((await getOnNewConnection(`${base}/healthz`)).status).toBe(200)
    expect(await exitOf(server)).toBe(0)
    expect(await isRefused(port)).toBe(true)
  }, 300_000)
})
