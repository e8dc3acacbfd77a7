import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import SqliteDatabase from 'better-sqlite3'
import { ensureAdminBuilt } from '../src/admin-app/admin-build.js'
import { loadConfig } from '../src/config/load-config.js'
import { openStore } from '../src/db/create-database.js'
import { prepareStore } from '../src/server.js'
import {
  adminClient,
  CLUSTER_ADMIN,
  startMastheadCluster,
  type RunningCluster,
} from '../test/helpers/masthead-cluster.js'

const run = promisify(execFile)
/** Articles added to the demo newsroom; MASTHEAD_BENCH_ARTICLES runs a smaller archive. */
const ARTICLES = Number(process.env['MASTHEAD_BENCH_ARTICLES'] ?? 100_000)
/** Seconds wrk loads each page; MASTHEAD_BENCH_SECONDS shortens a run. */
const SECONDS = Number(process.env['MASTHEAD_BENCH_SECONDS'] ?? 10)
const CONNECTIONS = 50

export async function hasCommand(name: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${name}`]).then(
    () => true,
    () => false,
  )
}

/** A data folder with the demo newsroom and ARTICLES more articles with tags and an author. */
async function generateArchive(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bench-cache-'))
  const config = loadConfig({
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_ADMIN_EMAIL: CLUSTER_ADMIN.email,
    MASTHEAD_ADMIN_PASSWORD: CLUSTER_ADMIN.password,
  })
  const store = await openStore(config.database)
  await prepareStore(config, store, () => {})
  await store.close()
  const raw = new SqliteDatabase(join(dataDir, 'masthead.sqlite'))
  const section = raw.prepare('select id from sections order by id limit 1').get() as { id: number }
  const tags = raw.prepare('select id, language from tags').all() as {
    id: number
    language: string
  }[]
  const author = raw.prepare('select id from authors order by id limit 1').get() as { id: number }
  const insert = raw.prepare(
    `insert into articles (language, translation_group, section_id, status, type, headline, dek, slug, body_doc, body_html, excerpt, seo, published_at, created_at, updated_at)
     values (?, ?, ?, 'published', 'report', ?, ?, ?, '{"type":"doc","content":[]}', ?, '', '{}', ?, ?, ?)`,
  )
  const tagArticle = raw.prepare(
    'insert into article_tags (article_id, tag_id, position) values (?, ?, 0)',
  )
  const byline = raw.prepare(
    'insert into article_authors (article_id, author_id, position) values (?, ?, 0)',
  )
  const span = 3 * 365 * 86_400_000
  const start = Date.now() - span - 86_400_000
  raw.transaction(() => {
    for (let index = 0; index < ARTICLES; index++) {
      const language = index % 2 === 0 ? 'en' : 'ar'
      const time = new Date(start + Math.floor((index / ARTICLES) * span)).toISOString()
      const body = `<p>Archive paragraph ${index} about water, trade and the harbour.</p>`.repeat(8)
      const { lastInsertRowid } = insert.run(
        language,
        `bench-${Math.floor(index / 2)}`,
        section.id,
        `Archive story ${index} on the harbour and the markets`,
        `A generated dek for story ${index}.`,
        `archive-story-${index}`,
        body,
        time,
        time,
        time,
      )
      const tag = tags.filter((candidate) => candidate.language === language)[index % 5]
      if (tag) tagArticle.run(lastInsertRowid, tag.id)
      byline.run(lastInsertRowid, author.id)
    }
  })()
  raw.close()
  return dataDir
}

export interface WrkResult {
  rate: number
  p50: number
  p99: number
}

/**
 * wrk at 50 connections on 2 threads (or at one connection, for the time one request takes), with
 * latency percentiles in milliseconds.
 */
export async function wrk(
  url: string,
  headers: string[] = [],
  connections = CONNECTIONS,
): Promise<WrkResult> {
  const { stdout } = await run(
    'wrk',
    [
      `-t${Math.min(2, connections)}`,
      `-c${connections}`,
      `-d${SECONDS}s`,
      '--latency',
      ...headers.flatMap((header) => ['-H', header]),
      url,
    ],
    { maxBuffer: 1 << 20 },
  )
  const ms = (label: string) => {
    const match = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(stdout)
    if (!match) return Number.NaN
    const value = Number(match[1])
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value
  }
  return {
    rate: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN),
    p50: ms('50%'),
    p99: ms('99%'),
  }
}

const format = (result: WrkResult) =>
  `${Math.round(result.rate)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`

/** nginx on a loopback port serving one file, started and stopped by the benchmark. */
export async function nginxServing(bytes: Buffer, port: number) {
  const root = mkdtempSync(join(tmpdir(), 'masthead-bench-nginx-'))
  writeFileSync(join(root, 'article.html'), bytes)
  writeFileSync(
    join(root, 'nginx.conf'),
    `daemon off; worker_processes auto; pid ${root}/nginx.pid; error_log ${root}/error.log;
events { worker_connections 1024; }
http { access_log off; default_type text/html; etag on;
  server { listen 127.0.0.1:${port}; root ${root}; } }`,
  )
  const nginx = spawn('nginx', ['-c', join(root, 'nginx.conf'), '-p', root], { stdio: 'ignore' })
  await new Promise((resolve) => setTimeout(resolve, 500))
  return { url: `http://127.0.0.1:${port}/article.html`, stop: () => nginx.kill('SIGTERM') }
}

function rssMb(pid: number | string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
}

/** Resident memory of the cluster's workers in MB; with one process, of that process. */
function workerRssMb(primaryPid: number): number[] {
  const workers = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        if (!new RegExp(`PPid:\\s+${primaryPid}\\n`).test(status)) return []
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('masthead')) return []
        return [rssMb(pid)]
      } catch {
        return []
      }
    })
  return workers.length > 0 ? workers : [rssMb(primaryPid)]
}

/** Time from a save through the Admin API until `path` shows the new headline on `reads` reads. */
async function publishToVisible(cluster: RunningCluster, id: number, path: string) {
  const send = await adminClient(cluster.url)
  const times: number[] = []
  for (let round = 0; round < 5; round++) {
    const headline = `Bench headline ${round} ${Date.now()}`
    const started = performance.now()
    const saved = await send('PATCH', `/api/admin/articles/${id}`, { headline })
    if (!saved.ok) throw new Error(`save failed: ${saved.status} ${await saved.text()}`)
    for (;;) {
      const bodies = await Promise.all(
        [0, 1, 2, 3].map(async () => (await fetch(`${cluster.url}${path}`)).text()),
      )
      if (bodies.every((body) => body.includes(headline))) break
    }
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN
}

/**
 * The page cache under load: wrk at 50 connections on home, section, article, tag, search, RSS and
 * the content API, cached and uncached (page cache off), against nginx serving the article's
 * bytes; uncached render time at one connection; publish → visible on one and two processes; cold
 * start to the first 200; resident memory after the run.
 */
export async function benchPageCache(onLine?: (line: string) => void): Promise<string[]> {
  if (!(await hasCommand('wrk')) || !(await hasCommand('nginx')))
    return ['skipped: needs wrk and nginx from Debian (apt-get install wrk nginx-light)']
  const lines: string[] = []
  const say = (line: string) => {
    lines.push(line)
    onLine?.(line)
  }
  // Built beforehand, so the cold starts below measure starting, not building the newsroom app.
  await ensureAdminBuilt(() => {})
  const generated = performance.now()
  const dataDir = await generateArchive()
  say(
    `${ARTICLES} generated articles (plus the demo's 84) in ${((performance.now() - generated) / 1000).toFixed(1)} s; wrk ${SECONDS} s per page at ${CONNECTIONS} connections`,
  )
  // Every request comes from one address: the per-client limits would answer 429 instead.
  const env = {
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_SITE_URL: 'http://127.0.0.1:39500',
    MASTHEAD_SEARCH_RATE_LIMIT: '0',
    MASTHEAD_API_RATE_LIMIT: '0',
  }
  const base = 'http://127.0.0.1:39500'
  const articleList = async () =>
    (
      (await (await fetch(`${base}/api/v1/articles?language=en&pageSize=1`)).json()) as {
        items: { id: number; url: string }[]
      }
    ).items[0]

  /** The seven kinds of public response the issue names, with the newest article and a tag. */
  const pagesToLoad = async (articlePath: string): Promise<[string, string][]> => {
    const tags = (await (await fetch(`${base}/api/v1/tags?language=en`)).json()) as {
      items: { slug: string }[]
    }
    return [
      ['home', '/en/'],
      ['section', '/en/news/'],
      ['article', articlePath],
      ['tag', `/en/tag/${encodeURIComponent(tags.items[0]?.slug ?? '')}`],
      ['search', '/en/search?q=harbour'],
      ['rss', '/en/rss.xml'],
      ['content API', '/api/v1/articles?language=en'],
    ]
  }

  for (const workers of [1, 2]) {
    const spawned = performance.now()
    const cluster = await startMastheadCluster({ workers, port: 39_500, env: { ...env } })
    try {
      const article = await articleList()
      if (!article) throw new Error('no article')
      say(
        `${workers} process(es): cold start to first 200 ${Math.round(performance.now() - spawned)} ms`,
      )
      const articlePath = new URL(article.url).pathname
      const pages = await pagesToLoad(articlePath)
      for (const [name, path] of pages) {
        await fetch(`${base}${path}`)
        say(
          `  cached ${name}: ${format(await wrk(`${base}${path}`, ['Accept-Encoding: br, gzip']))}`,
        )
      }
      const articleBytes = Buffer.from(await (await fetch(`${base}${articlePath}`)).arrayBuffer())
      const nginx = await nginxServing(articleBytes, 39_501)
      const cachedArticle = await wrk(`${base}${articlePath}`)
      const nginxArticle = await wrk(nginx.url)
      nginx.stop()
      say(
        `  article, same ${articleBytes.length} bytes identity: masthead ${Math.round(cachedArticle.rate)} req/s, nginx ${Math.round(nginxArticle.rate)} req/s: ${(cachedArticle.rate / nginxArticle.rate).toFixed(2)} × nginx (target ≥ 0.5)`,
      )
      say(
        `  publish → visible (median of 5): ${Math.round(await publishToVisible(cluster, article.id, articlePath))} ms`,
      )
      say(
        `  resident memory per worker after the run: ${workerRssMb(cluster.primary.pid ?? 0).join(', ')} MB`,
      )
    } finally {
      await cluster.stop()
    }
  }

  const uncached = await startMastheadCluster({
    workers: 1,
    port: 39_500,
    env: { ...env, MASTHEAD_PAGE_CACHE_MB: '0' },
  })
  try {
    const article = await articleList()
    const pages = await pagesToLoad(new URL(article?.url ?? base).pathname)
    for (const [name, path] of pages) {
      // One connection of wrk: the time a render takes, without a heavier client's own cost.
      const alone = await wrk(`${base}${path}`, [], 1)
      say(
        `uncached ${name}: one at a time p50 ${alone.p50.toFixed(2)} ms (${Math.round(alone.rate)} req/s); at ${CONNECTIONS} connections ${format(await wrk(`${base}${path}`))}`,
      )
    }
  } finally {
    await uncached.stop()
  }
  return lines
}
