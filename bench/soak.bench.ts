import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { pathToFileURL } from 'node:url'
import { startMastheadCluster } from '../test/helpers/masthead-cluster.js'

/** Seconds of load after the warm-up; MASTHEAD_SOAK_SECONDS shortens a run (default 10 minutes). */
const SECONDS = Number(process.env['MASTHEAD_SOAK_SECONDS'] ?? 600)
const WARM_UP_SECONDS = Math.min(30, Math.max(5, Math.round(SECONDS / 4)))
const CONNECTIONS = 100
/** Memory at the end may differ from memory after the warm-up by at most this share. */
const MEMORY_TOLERANCE = 0.1

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Resident memory of a process, in bytes, from /proc. */
function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0) * 1024
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * The reading traffic of a news site: both home pages and the links they show (sections,
 * articles, tags, authors), searches, feeds and the Content API.
 */
async function readingPaths(base: string): Promise<string[]> {
  const paths = new Set<string>()
  for (const home of ['/en', '/ar']) {
    paths.add(home)
    const html = await (await fetch(`${base}${home}`)).text()
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      if (!href || href.startsWith('/admin') || href.startsWith('/api/admin')) continue
      if (/\.(css|js|svg|png|jpe?g|webp|avif|ico|woff2?)(\?|$)/.test(href)) continue
      paths.add(href.replace(/&amp;/g, '&'))
    }
  }
  for (const word of ['council', 'economy', 'climate', 'الحكومة', 'الاقتصاد'])
    paths.add(`/${/^[a-z]/.test(word) ? 'en' : 'ar'}/search?q=${encodeURIComponent(word)}`)
  for (const path of [
    '/api/v1/articles?language=en&pageSize=10',
    '/api/v1/articles?language=ar&pageSize=10',
    '/api/v1/sections?language=en',
    '/api/v1/tags?language=ar',
    '/api/v1/search?q=council&language=en',
  ])
    paths.add(path)
  const listed = (await (
    await fetch(`${base}/api/v1/articles?language=en&pageSize=20`)
  ).json()) as {
    items: { id: number }[]
  }
  for (const item of listed.items) paths.add(`/api/v1/articles/${item.id}`)
  return [...paths]
}

interface Tally {
  requests: number
  statuses: Map<string, number>
  failures: number
}

/** CONNECTIONS loops over keep-alive connections, each reading the paths in its own order. */
function drive(base: string, paths: string[], seconds: number): Promise<Tally> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const tally: Tally = { requests: 0, statuses: new Map(), failures: 0 }
  const until = performance.now() + seconds * 1000
  const get = (path: string) =>
    new Promise<void>((resolve) => {
      const outgoing = request(`${base}${path}`, { agent, timeout: 30_000 }, (reply) => {
        reply.resume()
        reply.on('end', () => {
          const status = String(reply.statusCode ?? 0)
          tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1)
          tally.requests += 1
          resolve()
        })
      })
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')))
      outgoing.on('error', () => {
        tally.failures += 1
        tally.requests += 1
        resolve()
      })
      outgoing.end()
    })
  const loop = async (offset: number) => {
    for (let index = offset; performance.now() < until; index += 7)
      await get(paths[index % paths.length] ?? '/en')
  }
  return Promise.all(Array.from({ length: CONNECTIONS }, (_, index) => loop(index))).then(() => {
    agent.destroy()
    return tally
  })
}

function describeStatuses(tally: Tally): string {
  return [...tally.statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ')
}

/**
 * A soak: Masthead (one process, SQLite, demo newsroom) under CONNECTIONS concurrent connections
 * of mixed reading traffic for SECONDS after a warm-up. Passes with no 5xx and no failed request,
 * and resident memory at the end within 10% of memory after the warm-up.
 */
export async function benchSoak(): Promise<string[]> {
  const cluster = await startMastheadCluster({
    workers: 1,
    port: await freePort(),
    // One address sends everything here: the per-client limits would answer 429.
    env: { MASTHEAD_API_RATE_LIMIT: '0', MASTHEAD_SEARCH_RATE_LIMIT: '0' },
  })
  const pid = cluster.primary.pid ?? 0
  try {
    const paths = await readingPaths(cluster.url)
    const warmUp = await drive(cluster.url, paths, WARM_UP_SECONDS)
    const afterWarmUp = residentBytes(pid)
    let peak = afterWarmUp
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 1000)
    const started = performance.now()
    const soak = await drive(cluster.url, paths, SECONDS)
    const elapsed = (performance.now() - started) / 1000
    clearInterval(sampler)
    const atEnd = residentBytes(pid)
    const serverErrors = [...soak.statuses.entries()]
      .filter(([status]) => status.startsWith('5'))
      .reduce((sum, [, count]) => sum + count, 0)
    const drift = (atEnd - afterWarmUp) / afterWarmUp
    const isPassing =
      serverErrors === 0 && soak.failures === 0 && Math.abs(drift) <= MEMORY_TOLERANCE
    return [
      `${paths.length} distinct paths (home pages, sections, articles, tags, searches, feeds, Content API)`,
      `warm-up ${WARM_UP_SECONDS} s: ${warmUp.requests} requests (${describeStatuses(warmUp)})`,
      `soak ${Math.round(elapsed)} s at ${CONNECTIONS} connections: ${soak.requests} requests, ${Math.round(soak.requests / elapsed)} req/s`,
      `statuses: ${describeStatuses(soak)}; failed requests (timeouts, resets): ${soak.failures}`,
      `resident memory: ${megabytes(afterWarmUp)} after warm-up, ${megabytes(atEnd)} at the end (${(drift * 100).toFixed(1)}%), peak ${megabytes(peak)}`,
      `${isPassing ? 'PASS' : 'FAIL'}: no 5xx and no failed request (${serverErrors + soak.failures}), memory within ${MEMORY_TOLERANCE * 100}% of the warm-up's`,
    ]
  } finally {
    await cluster.stop()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  for (const line of await benchSoak()) console.log(line)
