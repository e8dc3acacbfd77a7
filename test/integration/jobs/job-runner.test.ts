import { expect, it } from 'vitest'
import { createJobQueue, type JobHandler } from '../../../src/platform/job-queue.js'
import { createJobRunner, retryDelayMs } from '../../../src/jobs/job-runner.js'
import { manualClock } from '../../../src/platform/clock.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

function recordingHandler(kind: string, concurrency = 1) {
  const seen: unknown[] = []
  let active = 0
  let mostActive = 0
  const handler: JobHandler = {
    kind,
    concurrency,
    async handle(payload) {
      active++
      mostActive = Math.max(mostActive, active)
      // Hold the slot until the runner has filled the others (or give up after a while), so the
      // bound is observed however slow the machine is.
      for (let waited = 0; active < concurrency && waited < 500; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      seen.push(payload)
      active--
    },
  }
  return { handler, seen, mostActive: () => mostActive }
}

describeEachDatabase('job runner', (store) => {
  it('runs a due job once and leaves a job set for later alone', async () => {
    const clock = manualClock(TEST_NOW)
    const queue = createJobQueue({ db: store().db, clock })
    const { handler, seen } = recordingHandler('test.now')
    await queue.enqueue({ kind: 'test.now', payload: { n: 1 } })
    await queue.enqueue({
      kind: 'test.now',
      payload: { n: 2 },
      runAt: new Date(TEST_NOW.getTime() + 60_000),
    })
    const runner = createJobRunner({ db: store().db, clock, handlers: [handler] })
    expect(await runner.runDueJobs()).toBe(1)
    expect(seen).toEqual([{ n: 1 }])
    expect(await runner.runDueJobs()).toBe(0)
    clock.advance(60_000)
    expect(await runner.runDueJobs()).toBe(1)
    expect(seen).toEqual([{ n: 1 }, { n: 2 }])
  })

  it('ignores a second job with the same unique key while the first waits', async () => {
    const clock = manualClock(TEST_NOW)
    const queue = createJobQueue({ db: store().db, clock })
    const { handler, seen } = recordingHandler('test.unique')
    await queue.enqueue({ kind: 'test.unique', payload: 'a', uniqueKey: 'same' })
    await queue.enqueue({ kind: 'test.unique', payload: 'b', uniqueKey: 'same' })
    await createJobRunner({ db: store().db, clock, handlers: [handler] }).runDueJobs()
    expect(seen).toEqual(['a'])
  })

  it('keeps to the concurrency bound of a kind', async () => {
    const clock = manualClock(TEST_NOW)
    const queue = createJobQueue({ db: store().db, clock })
    const recorder = recordingHandler('test.bounded', 2)
    for (let n = 0; n < 6; n++) await queue.enqueue({ kind: 'test.bounded', payload: n })
    await createJobRunner({ db: store().db, clock, handlers: [recorder.handler] }).runDueJobs()
    expect(recorder.seen).toHaveLength(6)
    expect(recorder.mostActive()).toBe(2)
  })

  it('retries a failing job with growing delays, then marks it failed', async () => {
    const clock = manualClock(TEST_NOW)
    const queue = createJobQueue({ db: store().db, clock })
    let calls = 0
    const failing: JobHandler = {
      kind: 'test.failing',
      concurrency: 1,
      handle() {
        calls++
        return Promise.reject(new Error('receiver down'))
      },
    }
    await queue.enqueue({ kind: 'test.failing', payload: null, maxAttempts: 3 })
    const runner = createJobRunner({ db: store().db, clock, handlers: [failing] })
    await runner.runDueJobs()
    expect(calls).toBe(1)
    clock.advance(retryDelayMs(1) - 1)
    await runner.runDueJobs()
    expect(calls).toBe(1)
    clock.advance(1)
    await runner.runDueJobs()
    clock.advance(retryDelayMs(2))
    await runner.runDueJobs()
    expect(calls).toBe(3)
    const job = await store()
      .db.selectFrom('jobs')
      .select(['status', 'attempts', 'lastError'])
      .where('kind', '=', 'test.failing')
      .executeTakeFirstOrThrow()
    expect(job).toEqual({ status: 'failed', attempts: 3, lastError: 'receiver down' })
    expect((await runner.queueDepth()).failed).toBeGreaterThanOrEqual(1)
  })

  it('gives each job to exactly one of two runners on the same database', async () => {
    const clock = manualClock(TEST_NOW)
    const queue = createJobQueue({ db: store().db, clock })
    const first = recordingHandler('test.race', 3)
    const second = recordingHandler('test.race', 3)
    for (let n = 0; n < 20; n++) await queue.enqueue({ kind: 'test.race', payload: n })
    await Promise.all([
      createJobRunner({ db: store().db, clock, handlers: [first.handler] }).runDueJobs(),
      createJobRunner({ db: store().db, clock, handlers: [second.handler] }).runDueJobs(),
    ])
    const all = [...first.seen, ...second.seen].map(Number).sort((a, b) => a - b)
    expect(all).toEqual(Array.from({ length: 20 }, (_, n) => n))
  })
})
