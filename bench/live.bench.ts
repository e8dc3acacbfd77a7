import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import {
  adminClient,
  startMastheadCluster,
  type RunningCluster,
} from '../test/helpers/masthead-cluster.js'
import { hasCommand, nginxServing, wrk } from './page-cache.bench.js'

/** Readers held by the server; MASTHEAD_BENCH_READERS runs a smaller crowd. */
const READERS = Number(process.env['MASTHEAD_BENCH_READERS'] ?? 10_000)
/** Entries timed against the crowd. */
const CROWD_ENTRIES = 20
/** Entries timed to a page open in Chromium. */
const PAGE_ENTRIES = 50
const PORT = 39_560
const READER_SCRIPT = fileURLToPath(new URL('./live-stream-readers.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/esm/index.mjs', import.meta.url))

const load = () =>
  `load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`
const now = () => performance.timeOrigin + performance.now()

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN
}

/** CPU time a process has used, in ms (user and system; /proc counts in ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
}

/** The worker processes of a cluster's primary; the primary itself when it serves alone. */
function workerPids(primaryPid: number): number[] {
  const workers = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        return new RegExp(`PPid:\\s+${primaryPid}\\n`).test(status) ? [Number(pid)] : []
      } catch {
        return []
      }
    })
  return workers.length > 0 ? workers : [primaryPid]
}

/**
 * The crowd of readers in a process of its own, with the open-file limit raised in its shell (the
 * server's is its own business: Node raises its soft limit to the hard one).
 */
function startReaders(): Promise<{
  child: ChildProcess
  ask: <T>(message: unknown, reply: string) => Promise<T>
}> {
  const child = spawn(
    'sh',
    [
      '-c',
      `ulimit -n "$(ulimit -Hn)" && exec "${process.execPath}" --import "${TSX}" "${READER_SCRIPT}"`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  )
  const ask = <T>(message: unknown, reply: string) =>
    new Promise<T>((resolve, reject) => {
      const listener = (answer: { type: string; error?: string }) => {
        if (answer.type === 'failed') reject(new Error(answer.error))
        if (answer.type !== reply) return
        child.off('message', listener)
        resolve(answer as T)
      }
      child.on('message', listener)
      if (message) child.send(message)
    })
  return ask<unknown>(undefined, 'ready').then(() => ({ child, ask }))
}

async function createLiveStory(cluster: RunningCluster) {
  const send = await adminClient(cluster.url)
  const created = await send('POST', '/api/admin/articles', {
    language: 'en',
    type: 'live',
    headline: 'Benchmark night: live',
    body: '<p>Live.</p>',
    section: 'news',
    status: 'published',
  })
  if (!created.ok) throw new Error(`story: ${created.status} ${await created.text()}`)
  const { id, url } = (await created.json()) as { id: number; url: string }
  const post = async (text: string) => {
    const response = await send('POST', `/api/admin/articles/${id}/entries`, {
      body: `<p>${text}</p><p>Turnout figures from the districts, as the returning officers read them out.</p>`,
    })
    if (!response.ok) throw new Error(`entry: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { id: number }).id
  }
  return { id, path: new URL(url).pathname, post }
}

/** READERS streams on `workers` processes: memory per stream, and save → arrival at all of them. */
async function crowd(workers: number, say: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bench-live-'))
  const cluster = await startMastheadCluster({
    workers,
    port: PORT,
    env: { MASTHEAD_DATA_DIR: dataDir, MASTHEAD_API_RATE_LIMIT: '0' },
  })
  const readers = await startReaders()
  try {
    const story = await createLiveStory(cluster)
    await story.post('Warming up')
    const pids = workerPids(cluster.primary.pid ?? 0)
    const before = pids.map(rssKb)
    const openedAt = performance.now()
    const opened = await readers.ask<{ open: number }>(
      {
        type: 'open',
        url: `${cluster.url}/live/stream?lang=en&article=${story.id}`,
        count: READERS,
        concurrency: 200,
      },
      'opened',
    )
    const openSeconds = (performance.now() - openedAt) / 1000
    const after = pids.map(rssKb)
    const grownMb = after.reduce((sum, kb, index) => sum + kb - (before[index] ?? 0), 0) / 1024
    say(
      `${workers} process(es), ${opened.open} open streams (opened in ${openSeconds.toFixed(1)} s): resident memory ${after.map((kb) => Math.round(kb / 1024)).join(' + ')} MB, ` +
        `${grownMb.toFixed(0)} MB more than before = ${((grownMb * 1024) / opened.open).toFixed(1)} KB per stream; ${load()}`,
    )
    const delays: number[] = []
    let dropped = 0
    const serverCpuBefore = pids.reduce((sum, pid) => sum + cpuMs(pid), 0)
    const readersCpu = { before: Number.NaN, after: Number.NaN }
    for (let round = 0; round < CROWD_ENTRIES; round++) {
      const savedAt = now()
      const entryId = await story.post(`saved-at:${savedAt.toFixed(3)} round ${round}`)
      const arrived = await readers.ask<{ delays: number[]; dropped: number; cpuMs: number }>(
        { type: 'expect', entryId },
        'arrived',
      )
      delays.push(...arrived.delays)
      dropped = arrived.dropped
      // From the end of the first round: what one entry costs the readers' process.
      if (round === 0) readersCpu.before = arrived.cpuMs
      readersCpu.after = arrived.cpuMs
    }
    const serverCpu = pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - serverCpuBefore
    say(
      `  save → arrival at all ${opened.open} readers, ${CROWD_ENTRIES} entries (${delays.length} deliveries): ` +
        `p50 ${percentile(delays, 0.5).toFixed(0)} ms, p99 ${percentile(delays, 0.99).toFixed(0)} ms, max ${delays.reduce((a, b) => Math.max(a, b), 0).toFixed(0)} ms (target p99 ≤ 1000 ms); ${dropped} readers dropped; ${load()}`,
    )
    say(
      `    CPU per entry: server ${(serverCpu / CROWD_ENTRIES).toFixed(0)} ms (save and fan-out to ${opened.open} streams, all processes), readers' process ${((readersCpu.after - readersCpu.before) / (CROWD_ENTRIES - 1)).toFixed(0)} ms (parsing ${opened.open} events)`,
    )
  } finally {
    readers.child.send({ type: 'exit' })
    await cluster.stop()
  }
}

/** Save → visible on a live page open in Chromium, over PAGE_ENTRIES entries. */
async function savedToVisible(workers: number, say: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bench-live-'))
  const cluster = await startMastheadCluster({
    workers,
    port: PORT,
    env: { MASTHEAD_DATA_DIR: dataDir, MASTHEAD_API_RATE_LIMIT: '0' },
  })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const story = await createLiveStory(cluster)
    await story.post('On the page')
    // String expressions below are evaluated in the page: its CSP forbids eval otherwise.
    const page = await browser.newPage({ bypassCSP: true })
    await page.goto(`${cluster.url}${story.path}`)
    // Each time the button's count changes, the page notes when (epoch ms, as the bench's clock).
    await page.evaluate(`
      window.__seen = []
      new MutationObserver(() => {
        const button = document.querySelector('.live-new-updates')
        if (button) window.__seen.push([button.textContent, performance.timeOrigin + performance.now()])
      }).observe(document.body, { subtree: true, childList: true, characterData: true })`)
    // The page is listening once a first entry shows.
    await story.post('Warming up')
    await page.waitForFunction('window.__seen.length > 0', undefined, { timeout: 30_000 })
    const delays: number[] = []
    for (let round = 0; round < PAGE_ENTRIES; round++) {
      const seen = await page.evaluate<number>('window.__seen.length')
      const savedAt = now()
      await story.post(`Round ${round}`)
      await page.waitForFunction(`window.__seen.length > ${seen}`, undefined, { timeout: 30_000 })
      const [, at] = await page.evaluate<[string, number]>(`window.__seen[${seen}]`)
      delays.push(at - savedAt)
    }
    say(
      `save → visible in Chromium, ${workers} process(es), ${PAGE_ENTRIES} entries: p50 ${percentile(delays, 0.5).toFixed(0)} ms, p99 ${percentile(delays, 0.99).toFixed(0)} ms; ${load()}`,
    )
  } finally {
    await browser.close()
    await cluster.stop()
  }
}

/** The cached live page against a cached article, each as a ratio to nginx serving its bytes. */
async function cachedPages(say: (line: string) => void): Promise<void> {
  if (!(await hasCommand('wrk')) || !(await hasCommand('nginx')))
    return say('cached pages: skipped, needs wrk and nginx from Debian')
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bench-live-'))
  const cluster = await startMastheadCluster({
    workers: 1,
    port: PORT,
    env: { MASTHEAD_DATA_DIR: dataDir, MASTHEAD_API_RATE_LIMIT: '0' },
  })
  try {
    const story = await createLiveStory(cluster)
    for (let index = 0; index < 30; index++) await story.post(`Entry ${index} of the evening`)
    const list = (await (
      await fetch(`${cluster.url}/api/v1/articles?language=en&pageSize=5`)
    ).json()) as {
      items: { url: string; type: string }[]
    }
    const article = list.items.find((item) => item.type !== 'live')
    if (!article) throw new Error('no article')
    const rates: number[] = []
    for (const [name, path] of [
      ['live page (30 entries)', story.path],
      ['article', new URL(article.url).pathname],
    ] as const) {
      const url = `${cluster.url}${path}`
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer())
      const masthead = await wrk(url)
      const nginx = await nginxServing(bytes, PORT + 1)
      const baseline = await wrk(nginx.url)
      nginx.stop()
      rates.push(masthead.rate / baseline.rate)
      say(
        `cached ${name}, ${bytes.length} bytes identity: masthead ${Math.round(masthead.rate)} req/s, nginx ${Math.round(baseline.rate)} req/s: ${(masthead.rate / baseline.rate).toFixed(2)} × nginx; ${load()}`,
      )
    }
    say(
      `  the live page's ratio to nginx over the article's: ${((rates[0] ?? 0) / (rates[1] ?? 1)).toFixed(2)}`,
    )
  } finally {
    await cluster.stop()
  }
}

/**
 * Live coverage: READERS reader streams on one process and on two (memory per stream, save →
 * arrival at every reader), save → visible on a page in Chromium (one process and two), and a
 * cached live page against a cached article, both against nginx.
 */
export async function benchLive(onLine?: (line: string) => void): Promise<string[]> {
  const lines: string[] = []
  const say = (line: string) => {
    lines.push(line)
    if (onLine) onLine(line)
    else console.log(`  ${line}`)
  }
  for (const workers of [1, 2]) await crowd(workers, say)
  for (const workers of [1, 2]) await savedToVisible(workers, say)
  await cachedPages(say)
  // Printed as they came (a run takes minutes); the list is for callers that print themselves.
  return onLine ? lines : []
}
