import { request, type IncomingMessage } from 'node:http'

/** One server-sent event as a browser's EventSource would dispatch it. */
export interface StreamEvent {
  type: string
  /** The `id` field of the event, if it had one. */
  id: string | undefined
  data: string
}

/** An open text/event-stream response, parsed as the HTML standard says, event by event. */
export interface EventStreamClient {
  status: number
  headers: IncomingMessage['headers']
  /** Every event received so far, in order. */
  events: StreamEvent[]
  /** Comment lines (heartbeats) received so far. */
  comments: number
  /** The `retry` field last received, in milliseconds. */
  retryMs: number | undefined
  /** The last event id seen, as the browser would send it in Last-Event-ID. */
  lastEventId: string
  /** Resolves with the first event (from the start) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>
  /** Resolves when the server has ended the response (or the connection dropped). */
  ended: Promise<void>
  close(): void
}

/**
 * Opens `url` as an EventSource would (Accept: text/event-stream, Last-Event-ID when resuming),
 * on a connection of its own, and parses the events as they arrive. A non-200 answer resolves
 * with its status and no events.
 */
export function openEventStream(
  url: string,
  options: { lastEventId?: string } = {},
): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        agent: false,
        headers: {
          accept: 'text/event-stream',
          ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
        },
      },
      (response) => {
        const waiters = new Set<() => void>()
        let buffer = ''
        let pending: { type: string; data: string[]; id: string | undefined } = {
          type: '',
          data: [],
          id: undefined,
        }
        const client: EventStreamClient = {
          status: response.statusCode ?? 0,
          headers: response.headers,
          events: [],
          comments: 0,
          retryMs: undefined,
          lastEventId: options.lastEventId ?? '',
          waitFor(match, timeoutMs = 10_000) {
            return new Promise((resolveEvent, rejectEvent) => {
              const look = () => {
                const found = client.events.find(match)
                if (!found) return false
                clearTimeout(timer)
                waiters.delete(check)
                resolveEvent(found)
                return true
              }
              const check = () => void look()
              const timer = setTimeout(() => {
                waiters.delete(check)
                rejectEvent(
                  new Error(
                    `no matching event within ${timeoutMs} ms; got ${JSON.stringify(client.events)}`,
                  ),
                )
              }, timeoutMs)
              if (!look()) waiters.add(check)
            })
          },
          ended: new Promise((resolveEnd) => {
            response.once('close', resolveEnd)
          }),
          close: () => outgoing.destroy(),
        }
        const line = (text: string) => {
          if (text === '') {
            if (pending.id !== undefined) client.lastEventId = pending.id
            if (pending.data.length > 0)
              client.events.push({
                type: pending.type || 'message',
                id: pending.id,
                data: pending.data.join('\n'),
              })
            pending = { type: '', data: [], id: undefined }
            for (const waiter of [...waiters]) waiter()
            return
          }
          if (text.startsWith(':')) return void (client.comments += 1)
          const colon = text.indexOf(':')
          const field = colon < 0 ? text : text.slice(0, colon)
          const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '')
          if (field === 'event') pending.type = value
          else if (field === 'data') pending.data.push(value)
          else if (field === 'id') pending.id = value
          else if (field === 'retry' && /^\d+$/.test(value)) client.retryMs = Number(value)
        }
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          buffer += chunk
          const lines = buffer.split(/\r\n|\r|\n/)
          buffer = lines.pop() ?? ''
          for (const text of lines) line(text)
        })
        response.on('error', () => undefined)
        resolve(client)
      },
    )
    outgoing.on('error', reject)
    outgoing.end()
  })
}

/** The JSON of an event's data. */
export function dataOf<T = Record<string, unknown>>(event: StreamEvent): T {
  return JSON.parse(event.data) as T
}
