import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'
import type pg from 'pg'

/** Carries cache purges between the processes that serve one site. */
export interface PurgeBroadcast {
  /** Tells the other processes; the sender has purged its own cache already. */
  send(tags: string[]): Promise<void>
  close(): Promise<void>
}

const IPC_MESSAGE = 'masthead:purge'
const CHANNEL = 'masthead_purge'
/** NOTIFY payloads stop at 8,000 bytes; tags are sent in groups below that. */
const PAYLOAD_BYTES = 7000

interface PurgeMessage {
  type: typeof IPC_MESSAGE
  tags: string[]
}

function isPurgeMessage(message: unknown): message is PurgeMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as PurgeMessage).type === IPC_MESSAGE &&
    Array.isArray((message as PurgeMessage).tags)
  )
}

/** Between the workers of one machine: through the cluster's primary, which relays to the others. */
export function createClusterPurgeBroadcast(onPurge: (tags: string[]) => void): PurgeBroadcast {
  const listener = (message: unknown) => {
    if (isPurgeMessage(message)) onPurge(message.tags)
  }
  process.on('message', listener)
  return {
    send(tags) {
      process.send?.({ type: IPC_MESSAGE, tags } satisfies PurgeMessage)
      return Promise.resolve()
    },
    close() {
      process.off('message', listener)
      return Promise.resolve()
    },
  }
}

/** In the cluster's primary: hands each worker's purges to every other worker. */
export function relayClusterPurges(): void {
  cluster.on('message', (from, message: unknown) => {
    if (!isPurgeMessage(message)) return
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== from && worker.isConnected()) worker.send(message)
  })
}

/** Groups of tags whose JSON stays under the NOTIFY payload limit. */
function inGroups(tags: string[]): string[][] {
  const groups: string[][] = [[]]
  let size = 0
  for (const tag of tags) {
    if (size + tag.length + 3 > PAYLOAD_BYTES) {
      groups.push([])
      size = 0
    }
    groups[groups.length - 1]?.push(tag)
    size += tag.length + 3
  }
  return groups.filter((group) => group.length > 0)
}

const FIRST_RECONNECT_DELAY_MS = 250
const LONGEST_RECONNECT_DELAY_MS = 5000

/**
 * Between every process of every machine on one PostgreSQL database: LISTEN and NOTIFY on a
 * connection of its own. A process ignores its own notifications. When the connection is lost (a
 * restart of PostgreSQL, a failover) it is opened again with backoff; notifications sent meanwhile
 * were missed, so `onReconnected` is called to drop what may be stale.
 */
export async function createPostgresPurgeBroadcast(
  url: string,
  onPurge: (tags: string[]) => void,
  onError: (error: unknown) => void,
  onReconnected: () => void = () => undefined,
): Promise<PurgeBroadcast> {
  // pg is loaded here, not at start: processes on SQLite never need it.
  const { default: postgres } = await import('pg')
  const origin = randomUUID()
  let isClosed = false
  let delay = FIRST_RECONNECT_DELAY_MS
  let timer: NodeJS.Timeout | undefined

  const listen = async (): Promise<pg.Client> => {
    const next = new postgres.Client({ connectionString: url })
    next.on('error', onError)
    next.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return
      try {
        const message = JSON.parse(notification.payload) as { origin: string; tags: string[] }
        if (message.origin !== origin) onPurge(message.tags)
      } catch (error) {
        onError(error)
      }
    })
    next.once('end', () => {
      if (!isClosed && client === next) reconnectLater()
    })
    await next.connect()
    await next.query(`LISTEN ${CHANNEL}`)
    return next
  }

  function reconnectLater() {
    timer = setTimeout(() => {
      listen().then(
        (next) => {
          if (isClosed) return void next.end().catch(() => undefined)
          client = next
          delay = FIRST_RECONNECT_DELAY_MS
          onReconnected()
        },
        (error: unknown) => {
          onError(error)
          delay = Math.min(delay * 2, LONGEST_RECONNECT_DELAY_MS)
          if (!isClosed) reconnectLater()
        },
      )
    }, delay)
    timer.unref()
  }

  let client: pg.Client | undefined
  client = await listen()
  return {
    async send(tags) {
      for (const group of inGroups(tags))
        await client?.query('SELECT pg_notify($1, $2)', [
          CHANNEL,
          JSON.stringify({ origin, tags: group }),
        ])
    },
    async close() {
      isClosed = true
      clearTimeout(timer)
      await client?.end()
    },
  }
}
