// A crowd of EventSource readers in a process of its own (`live` benchmark): opens the streams
// it is told to over IPC, parses every event as a browser would, and reports for each entry how
// long after its save each reader got it (the entry's body carries the save's instant).
import { request } from 'node:http'

interface Open {
  type: 'open'
  url: string
  count: number
  /** Streams opened at once. */
  concurrency: number
}
interface Expect {
  type: 'expect'
  entryId: number
}

/** The save's instant (epoch ms) written into the entry's text by the benchmark. */
const SAVED_AT = /saved-at:([\d.]+)/
const now = () => performance.timeOrigin + performance.now()

/** Entry id → arrival delays (ms) of the readers that got it. */
const arrivals = new Map<number, number[]>()
let readers = 0
let open = 0
let dropped = 0

function send(message: unknown): void {
  process.send?.(message)
}

/** One reader: a connection of its own, its events cut at blank lines and parsed field by field. */
function openReader(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent: false, headers: { accept: 'text/event-stream' } })
    outgoing.on('response', (response) => {
      if (response.statusCode !== 200)
        return reject(new Error(`stream answered ${response.statusCode}`))
      open += 1
      let buffer = ''
      let isReady = false
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          let type = 'message'
          let data = ''
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue
            const colon = line.indexOf(':')
            const field = colon < 0 ? line : line.slice(0, colon)
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
            if (field === 'event') type = value
            else if (field === 'data') data += data ? `\n${value}` : value
          }
          if (type === 'breaking' && !isReady) {
            isReady = true
            resolve()
          } else if (type === 'entry' && data) {
            const entry = JSON.parse(data) as { id: number; html?: string }
            const savedAt = SAVED_AT.exec(entry.html ?? '')
            const at = Number(savedAt?.[1])
            if (!Number.isFinite(at)) continue
            const list = arrivals.get(entry.id) ?? []
            list.push(now() - at)
            arrivals.set(entry.id, list)
          }
        }
      })
      response.on('close', () => {
        open -= 1
        dropped += 1
      })
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

async function openMany(message: Open): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < message.count) {
      next += 1
      await openReader(message.url)
      readers += 1
    }
  }
  await Promise.all(Array.from({ length: message.concurrency }, worker))
  send({ type: 'opened', readers, open })
}

function awaitEntry(message: Expect): void {
  const check = () => {
    const got = arrivals.get(message.entryId) ?? []
    if (got.length >= open) {
      arrivals.delete(message.entryId)
      const cpu = process.cpuUsage()
      send({
        type: 'arrived',
        entryId: message.entryId,
        delays: got,
        open,
        dropped,
        cpuMs: (cpu.user + cpu.system) / 1000,
      })
    } else setTimeout(check, 5)
  }
  check()
}

process.on('message', (message: Open | Expect | { type: 'exit' }) => {
  if (message.type === 'open')
    openMany(message).catch((error: unknown) => send({ type: 'failed', error: String(error) }))
  else if (message.type === 'expect') awaitEntry(message)
  else process.exit(0)
})
send({ type: 'ready' })
