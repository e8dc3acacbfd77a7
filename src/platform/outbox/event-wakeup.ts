import type pg from 'pg'
import { EVENTS_CHANNEL } from './record-events.js'

const FIRST_RECONNECT_DELAY_MS = 250
const LONGEST_RECONNECT_DELAY_MS = 5000

/** A LISTEN connection that wakes this process's outbox reader; close it with the process. */
export interface EventWakeup {
  close(): Promise<void>
}

/**
 * Wakes `onWake` whenever any process of any machine commits events on this PostgreSQL database
 * (record-events sends NOTIFY in the writing transaction, so it arrives at commit). Only a wake:
 * the outbox table is the truth, read on a timer as well. When the connection is lost (a restart
 * of PostgreSQL, a failover) it is opened again with backoff, and `onWake` runs to catch up.
 */
export async function listenForEvents(
  url: string,
  onWake: () => void,
  onError: (error: unknown) => void,
): Promise<EventWakeup> {
  // pg is loaded here, not at start: processes on SQLite never need it.
  const { default: postgres } = await import('pg')
  let isClosed = false
  let delay = FIRST_RECONNECT_DELAY_MS
  let timer: NodeJS.Timeout | undefined
  let client: pg.Client | undefined

  const listen = async (): Promise<pg.Client> => {
    const next = new postgres.Client({ connectionString: url })
    next.on('error', onError)
    next.on('notification', (notification) => {
      if (notification.channel === EVENTS_CHANNEL) onWake()
    })
    next.once('end', () => {
      if (!isClosed && client === next) reconnectLater()
    })
    await next.connect()
    await next.query(`LISTEN ${EVENTS_CHANNEL}`)
    return next
  }

  function reconnectLater() {
    timer = setTimeout(() => {
      listen().then(
        (next) => {
          if (isClosed) return void next.end().catch(() => undefined)
          client = next
          delay = FIRST_RECONNECT_DELAY_MS
          onWake()
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

  client = await listen()
  return {
    async close() {
      isClosed = true
      clearTimeout(timer)
      await client?.end()
    },
  }
}
