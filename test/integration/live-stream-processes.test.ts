import { availableParallelism, loadavg } from 'node:os'
import { afterAll, describe, expect, it } from 'vitest'
import { dataOf, openEventStream, type EventStreamClient } from '../helpers/event-stream-client.js'
import { adminClient } from '../helpers/masthead-cluster.js'
import { createNamedDatabase, dropNamedDatabase } from '../helpers/named-database.js'
import { newDataDir, startMasthead, type MastheadProcess } from './faults/masthead-process.js'

/** A second on an idle machine; more when the machine is busy (the suite runs two files at once). */
function deliveryBoundMs(): number {
  return 1000 * Math.max(1, (loadavg()[0] ?? 0) / Math.max(1, availableParallelism()))
}

describe.each(['sqlite', 'postgres'] as const)(
  'reader streams across processes (%s)',
  (dialect) => {
    const database = `masthead_live_${process.pid}`
    const servers: MastheadProcess[] = []
    const streams: EventStreamClient[] = []
    afterAll(async () => {
      for (const stream of streams) stream.close()
      for (const server of servers) await server.kill('SIGTERM')
      if (dialect === 'postgres') await dropNamedDatabase(database)
    })

    it('brings an entry written in one process to readers connected to another, and resumes on either', async () => {
      const dataDir = newDataDir()
      const env =
        dialect === 'postgres' ? { DATABASE_URL: await createNamedDatabase(database) } : {}
      // Two servers on one database, as on two machines: no cluster between them, only the outbox.
      servers.push(await startMasthead({ dataDir, env }))
      servers.push(await startMasthead({ dataDir, env }))
      const [first, second] = servers
      if (!first || !second) throw new Error('two servers')
      const writeThroughFirst = await adminClient(first.url)
      const created = await writeThroughFirst('POST', '/api/admin/articles', {
        language: 'en',
        type: 'live',
        headline: 'Two processes, one story',
        body: '<p>Live.</p>',
        section: 'news',
        status: 'published',
      })
      expect(created.status, await created.clone().text()).toBe(201)
      const { id: storyId } = (await created.json()) as { id: number }
      const open = async (server: MastheadProcess, lastEventId?: string) => {
        const stream = await openEventStream(
          `${server.url}/live/stream?lang=en&article=${storyId}`,
          { lastEventId },
        )
        streams.push(stream)
        expect(stream.status).toBe(200)
        await stream.waitFor((event) => event.type === 'breaking')
        return stream
      }
      const onFirst = await open(first)
      const onSecond = await open(second)

      const posted = async (write: typeof writeThroughFirst, text: string) => {
        const response = await write('POST', `/api/admin/articles/${storyId}/entries`, {
          body: `<p>${text}</p>`,
        })
        expect(response.status, await response.clone().text()).toBe(201)
        return ((await response.json()) as { id: number }).id
      }
      const arrival = async (stream: EventStreamClient, entryId: number) => {
        const event = await stream.waitFor(
          (item) => item.type === 'entry' && dataOf(item)['id'] === entryId,
          30_000,
        )
        return { event, at: performance.now() }
      }

      const savedAt = performance.now()
      const fromFirst = await posted(writeThroughFirst, 'Written through the first process')
      const [here, there] = await Promise.all([
        arrival(onFirst, fromFirst),
        arrival(onSecond, fromFirst),
      ])
      expect(there.at - savedAt, 'the other process’s reader waited too long').toBeLessThan(
        deliveryBoundMs(),
      )
      expect(there.event.id).toBe(here.event.id)
      expect(dataOf<{ html: string }>(there.event).html).toContain('Written through the first')

      // A reader of the second process drops; entries are written through the second meanwhile,
      // and the reader resumes on the first process with the id the second gave it.
      const resumeFrom = onSecond.lastEventId
      onSecond.close()
      const writeThroughSecond = await adminClient(second.url)
      const whileAway = [
        await posted(writeThroughSecond, 'Missed one'),
        await posted(writeThroughSecond, 'Missed two'),
      ]
      await arrival(onFirst, whileAway[1] ?? 0)
      const resumed = await open(first, resumeFrom)
      await arrival(resumed, whileAway[1] ?? 0)
      const replayed = resumed.events
        .filter((event) => event.type === 'entry')
        .map((event) => dataOf(event)['id'])
      expect(replayed).toEqual(whileAway)
    }, 600_000)
  },
)
