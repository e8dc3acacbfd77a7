import { rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../src/db/create-database.js'
import pg from 'pg'
import { listenForEvents } from '../../../src/platform/outbox/event-wakeup.js'
import { EVENTS_CHANNEL } from '../../../src/platform/outbox/record-events.js'
import { adminClient } from '../../helpers/masthead-cluster.js'
import { newDataDir, startMasthead, type MastheadProcess } from './masthead-process.js'
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js'

const READERS = 6
const WRITERS = 4
/** How long after PostgreSQL is back the site must be whole again. */
const RECOVERY_BOUND_MS = 5000
/** A request that takes longer than this counts as a hang. */
const HANG_MS = 30_000

interface Outcome {
  kind: 'read' | 'write'
  startedAt: number
  endedAt: number
  status: number
  /** The error code of a failed answer, or what went wrong with the request itself. */
  code: string
}

async function codeOf(reply: Response): Promise<string> {
  const text = await reply.text()
  try {
    return (JSON.parse(text) as { errors?: { code?: string }[] }).errors?.[0]?.code ?? ''
  } catch {
    return text.includes('DATABASE_UNREACHABLE') ? 'DATABASE_UNREACHABLE' : 'html'
  }
}

describe('PostgreSQL restarted while the site is under load', () => {
  const dataDir = newDataDir()
  let postgres: ThrowawayPostgres | undefined
  let server: MastheadProcess | undefined
  afterAll(async () => {
    await server?.kill('SIGTERM')
    await postgres?.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('fails requests only during the outage, with 503, and recovers by itself within 5 s', async () => {
    postgres = await startThrowawayPostgres()
    server = await startMasthead({
      dataDir,
      env: { DATABASE_URL: postgres.url, MASTHEAD_PAGE_CACHE_MB: '0' },
    })
    const base = server.url
    const send = await adminClient(base)
    const listed = (await (
      await fetch(`${base}/api/v1/articles?language=en&pageSize=20`)
    ).json()) as {
      items: { id: number; url: string }[]
    }
    expect(listed.items.length).toBeGreaterThanOrEqual(WRITERS)
    const readPaths = [
      '/en',
      '/api/v1/articles?language=en&pageSize=5',
      ...listed.items.slice(0, 5).map((item) => new URL(item.url).pathname),
    ]

    const outcomes: Outcome[] = []
    /** Per article, the last headline the server acknowledged. */
    const acknowledged = new Map<number, { headline: string; version: number }>()
    let isStopped = false
    const timed = async (kind: Outcome['kind'], request: () => Promise<Response>) => {
      const startedAt = performance.now()
      let status = 0
      let code = ''
      let reply: Response | undefined
      try {
        reply = await request()
        status = reply.status
        if (status >= 400) code = await codeOf(reply.clone())
      } catch (error) {
        code =
          (error as Error).name === 'TimeoutError' ? 'hang' : `request failed: ${String(error)}`
      }
      outcomes.push({ kind, startedAt, endedAt: performance.now(), status, code })
      return reply
    }
    const reader = async (index: number) => {
      for (let round = index; !isStopped; round++) {
        const path = readPaths[round % readPaths.length] ?? '/en'
        const reply = await timed('read', () =>
          fetch(`${base}${path}`, { signal: AbortSignal.timeout(HANG_MS) }),
        )
        await reply?.arrayBuffer().catch(() => undefined)
      }
    }
    const writer = async (index: number) => {
      const id = listed.items[index]?.id ?? 0
      for (let round = 0; !isStopped; round++) {
        const headline = `Written under load ${index}.${round}`
        const reply = await timed('write', () =>
          send('PATCH', `/api/admin/articles/${id}`, { headline }),
        )
        if (reply?.status === 200) {
          const article = (await reply.json()) as { version: number; headline: string }
          acknowledged.set(id, { headline: article.headline, version: article.version })
        } else if (reply?.status === 503) {
          // A client backs off a little while the database is away.
          await sleep(100)
        }
      }
    }
    const load = [
      ...Array.from({ length: READERS }, (_, index) => reader(index)),
      ...Array.from({ length: WRITERS }, (_, index) => writer(index)),
    ]

    const succeeded = (kind: Outcome['kind']) =>
      outcomes.filter((outcome) => outcome.kind === kind && outcome.status < 400).length
    await expect.poll(() => succeeded('write'), { timeout: 120_000 }).toBeGreaterThanOrEqual(20)
    const stoppingAt = performance.now()
    await postgres.stopImmediately()
    await sleep(2000)
    await postgres.start()
    const readyAt = performance.now()
    // Load goes on until well after the recovery bound, so there is something to judge.
    const readsBefore = succeeded('read')
    const writesBefore = succeeded('write')
    await sleep(RECOVERY_BOUND_MS)
    await expect
      .poll(() => succeeded('read') - readsBefore, { timeout: 120_000 })
      .toBeGreaterThanOrEqual(40)
    await expect
      .poll(() => succeeded('write') - writesBefore, { timeout: 120_000 })
      .toBeGreaterThanOrEqual(20)
    isStopped = true
    await Promise.all(load)

    expect(server.child.exitCode, server.output()).toBeNull()
    const failures = outcomes.filter((outcome) => outcome.status === 0 || outcome.status >= 400)
    // The outage was seen: requests did fail while PostgreSQL was down.
    expect(failures.length).toBeGreaterThan(0)
    // Every failure is a prompt 503 with the code that says why, never a hang or a crash.
    expect(new Set(failures.map((failure) => `${failure.status} ${failure.code}`))).toEqual(
      new Set(['503 DATABASE_UNREACHABLE']),
    )
    // Only during the outage: nothing failed before PostgreSQL was stopped, and nothing sent
    // more than the recovery bound after it was ready again.
    for (const failure of failures) {
      expect(failure.endedAt).toBeGreaterThanOrEqual(stoppingAt)
      expect(failure.startedAt - readyAt).toBeLessThanOrEqual(RECOVERY_BOUND_MS)
    }

    // No acknowledged write is lost.
    const store = await openStore({ kind: 'postgres', url: postgres.url, connectTimeoutMs: 30_000 })
    try {
      const rows = await store.db
        .selectFrom('articles')
        .select(['id', 'headline', 'version'])
        .where('id', 'in', [...acknowledged.keys()])
        .execute()
      expect(acknowledged.size).toBe(WRITERS)
      for (const row of rows) {
        const last = acknowledged.get(row.id)
        expect(row.version).toBeGreaterThanOrEqual(last?.version ?? Infinity)
        if (row.version === last?.version) expect(row.headline).toBe(last.headline)
      }
      expect(rows).toHaveLength(WRITERS)
    } finally {
      await store.close()
    }
  }, 600_000)

  it('opens its outbox wake-up channel again, and catches up once it has', async () => {
    if (!postgres) throw new Error('PostgreSQL is not running')
    let wakes = 0
    const errors: unknown[] = []
    const listener = await listenForEvents(
      postgres.url,
      () => (wakes += 1),
      (error) => errors.push(error),
    )
    /** What a committing writer sends: a NOTIFY on the events channel, on a connection of its own. */
    const notify = async () => {
      const sender = new pg.Client({ connectionString: postgres?.url })
      sender.on('error', () => undefined)
      try {
        await sender.connect()
        await sender.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, ''])
      } finally {
        await sender.end().catch(() => undefined)
      }
    }
    try {
      await notify()
      await expect.poll(() => wakes, { timeout: 30_000 }).toBe(1)
      await postgres.stopImmediately()
      await sleep(2000)
      await postgres.start()
      // Reconnected, it wakes once to read what it may have missed.
      await expect.poll(() => wakes, { timeout: 60_000 }).toBe(2)
      await expect
        .poll(
          async () => {
            await notify().catch(() => undefined)
            return wakes
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBeGreaterThan(2)
      expect(errors.length).toBeGreaterThan(0)
    } finally {
      await listener.close()
    }
  }, 300_000)
})
