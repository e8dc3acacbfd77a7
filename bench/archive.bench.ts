import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/load-config.js'
import { openStore, type DialectName } from '../src/db/create-database.js'
import type { DatabaseConfig } from '../src/config/config.js'
import { refreshPlannerStatistics } from '../src/db/dialect-sql.js'
import { articlePath } from '../src/modules/articles/article-path.js'
import { tagPath } from '../src/modules/tags/tag-path.js'
import { fixedClock } from '../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../src/platform/storage/local-media-storage.js'
import { printPlan, recordQueries } from '../test/helpers/query-plans.js'
import { ARCHIVE_NOW as NOW, buildArchive } from './archive-build.js'
import type { ArchiveNames } from './archive-generator.js'
import { queryMix } from './search.bench.js'

const ROUNDS = 40
const WARM_UPS = 5
const SEARCHES = 100
const POSTGRES_URL =
  process.env['MASTHEAD_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const sizesOf = (variable: string, fallback: string) =>
  (process.env[variable] ?? fallback)
    .split(',')
    .filter(Boolean)
    .map((size) => Number(size))

/** Where each page's figure goes, by size: a line per page with its p50 (search: p95). */
type Timings = Map<string, number>

function percentile(times: number[], share: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0
}

/** The pages measured: one of each kind, on the largest listing of each. */
function pagesOf(names: ArchiveNames, article: string): [string, string][] {
  return [
    ['article', article],
    ['home', '/en/'],
    ['section', `/en/${names.section}/`],
    ['tag (largest)', tagPath('en', names.hugeTag)],
    ['author', `/en/author/${names.author}`],
    ['source', `/en/source/${names.source}`],
    ['section page 500', `/en/${names.section}/?page=500`],
    ['monthly sitemap', '/sitemaps/articles-en-2026-06.xml'],
  ]
}

/**
 * Serves one archive with the page cache off and measures each page at one request at a time
 * (`inject`, in process: the render and its queries, no socket): the p50 of the wall time, and
 * the process's CPU time per request, steadier than the wall time on a shared machine; with MASTHEAD_BENCH_PLANS=1
 * prints each page's query plans (EXPLAIN QUERY PLAN; EXPLAIN ANALYZE on PostgreSQL).
 */
async function measureArchive(
  label: string,
  database: DatabaseConfig,
  names: ArchiveNames,
): Promise<{ lines: string[]; timings: Timings }> {
  const recorder = recordQueries()
  const store = await openStore(database, { log: recorder.log })
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-archive-app-'))
  const config = loadConfig({
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_DEMO: '0',
    MASTHEAD_PAGE_CACHE_MB: '0',
    MASTHEAD_SEARCH_RATE_LIMIT: '0',
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_SITE_URL: 'https://news.example',
  })
  await refreshPlannerStatistics(store.db)
  const app = await buildApp({
    config,
    store,
    clock: fixedClock(NOW),
    storage: createLocalMediaStorage(mediaFolderOf(dataDir)),
  })
  const lines: string[] = []
  const timings: Timings = new Map()
  try {
    const middle = await store.db
      .selectFrom('articles')
      .innerJoin('sectionTranslations as section', (join) =>
        join
          .onRef('section.sectionId', '=', 'articles.sectionId')
          .onRef('section.language', '=', 'articles.language'),
      )
      .select(['articles.id', 'articles.slug', 'section.slug as sectionSlug'])
      .where('articles.language', '=', 'en')
      .where('articles.status', '=', 'published')
      .where('articles.publishedAt', '<=', NOW.toISOString())
      .orderBy('articles.id')
      .offset(1000)
      .limit(1)
      .executeTakeFirstOrThrow()
    const article = articlePath({ language: 'en', ...middle })
    const shouldPrintPlans = process.env['MASTHEAD_BENCH_PLANS'] === '1'
    for (const [name, url] of pagesOf(names, article)) {
      for (let round = 0; round < WARM_UPS; round++) await app.inject(url)
      const times: number[] = []
      let status = 0
      const cpuBefore = process.cpuUsage()
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now()
        status = (await app.inject(url)).statusCode
        times.push(performance.now() - started)
      }
      const cpu = process.cpuUsage(cpuBefore)
      const cpuMs = (cpu.user + cpu.system) / 1000 / ROUNDS
      const p50 = percentile(times, 0.5)
      timings.set(name, p50)
      lines.push(
        `${label} ${name.padEnd(18)} p50 ${p50.toFixed(2).padStart(7)} ms  cpu ${cpuMs.toFixed(2).padStart(6)} ms  (${status}) ${url}`,
      )
      if (!shouldPrintPlans) continue
      recorder.take()
      await app.inject(url)
      const seen = new Set<string>()
      for (const query of recorder.take()) {
        if (seen.has(query.sql)) continue
        seen.add(query.sql)
        lines.push(`    ${query.sql.replace(/\s+/g, ' ').slice(0, 400)}`)
        for (const step of await printPlan(store.db, store.dialect, query))
          lines.push(`      ${step}`)
      }
    }
    const searchTimes: number[] = []
    const mix = queryMix().filter((entry) => entry.language === 'en')
    for (const entry of mix.slice(0, 10))
      await app.inject(`/en/search?q=${encodeURIComponent(entry.query)}`)
    for (let index = 0; index < SEARCHES; index++) {
      const entry = mix[index % mix.length]
      const started = performance.now()
      await app.inject(`/en/search?q=${encodeURIComponent(entry?.query ?? '')}`)
      searchTimes.push(performance.now() - started)
    }
    const p95 = percentile(searchTimes, 0.95)
    timings.set('search p95', p95)
    lines.push(
      `${label} ${'search page p95'.padEnd(18)}     ${p95.toFixed(2).padStart(7)} ms  (p50 ${percentile(searchTimes, 0.5).toFixed(2)} ms)`,
    )
  } finally {
    await app.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { lines, timings }
}

/** Each figure of the larger size over the same figure of the smaller: the issue allows 1.5×. */
function ratios(label: string, small: Timings, large: Timings): string[] {
  return [...large].map(([name, time]) => {
    const ratio = time / (small.get(name) ?? Number.NaN)
    return `${label} ${name.padEnd(18)} ratio ${ratio.toFixed(2)}${ratio > 1.5 ? '  (over 1.5)' : ''}`
  })
}

async function benchSqlite(
  size: number,
  folder: string,
): Promise<{ lines: string[]; timings: Timings }> {
  const file = join(folder, `archive-${size}.sqlite`)
  const lines: string[] = []
  let names: ArchiveNames | undefined
  if (!existsSync(file)) {
    const built = await buildArchive({ kind: 'sqlite', file }, size, NOW)
    names = built.names
    lines.push(`SQLite ${size}: generated in ${built.seconds.toFixed(0)} s into ${file}`)
  }
  const measured = await measureArchive(
    `SQLite ${size}`,
    { kind: 'sqlite', file },
    names ?? ARCHIVE_NAMES,
  )
  return { lines: [...lines, ...measured.lines], timings: measured.timings }
}

/** The names the generator gives whatever the size (it answers them too, when it runs). */
const ARCHIVE_NAMES: ArchiveNames = {
  section: 'section-0',
  hugeTag: 'politics',
  author: 'reporter-1',
  source: 'agency-1',
}

async function benchPostgres(size: number): Promise<{ lines: string[]; timings: Timings }> {
  const name = `masthead_archive_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  try {
    await admin.connect()
  } catch {
    return { lines: [`PostgreSQL: not reachable, skipped`], timings: new Map() }
  }
  try {
    await admin.query(`create database ${name}`)
    const url = new URL(POSTGRES_URL)
    url.pathname = `/${name}`
    const built = await buildArchive({ kind: 'postgres', url: url.toString() }, size, NOW)
    const measured = await measureArchive(
      `PostgreSQL ${size}`,
      { kind: 'postgres', url: url.toString(), connectTimeoutMs: 5000 },
      built.names,
    )
    return {
      lines: [`PostgreSQL ${size}: generated in ${built.seconds.toFixed(0)} s`, ...measured.lines],
      timings: measured.timings,
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

/**
 * Pages of a generated archive uncached, at 100,000 articles and (MASTHEAD_BENCH_ARCHIVE_SIZES)
 * larger, on SQLite and PostgreSQL (MASTHEAD_BENCH_ARCHIVE_POSTGRES_SIZES; empty skips it), with
 * the ratio between sizes. SQLite files are kept in MASTHEAD_BENCH_ARCHIVE_DIR (reused when
 * there: a million articles take minutes to generate).
 */
export async function benchArchive(): Promise<string[]> {
  const folder = process.env['MASTHEAD_BENCH_ARCHIVE_DIR'] ?? join(tmpdir(), 'masthead-archives')
  mkdirSync(folder, { recursive: true })
  const lines: string[] = []
  const runs: [
    DialectName,
    number[],
    (size: number) => Promise<{ lines: string[]; timings: Timings }>,
  ][] = [
    [
      'sqlite',
      sizesOf('MASTHEAD_BENCH_ARCHIVE_SIZES', '100000'),
      (size) => benchSqlite(size, folder),
    ],
    ['postgres', sizesOf('MASTHEAD_BENCH_ARCHIVE_POSTGRES_SIZES', '100000'), benchPostgres],
  ]
  for (const [dialect, sizes, run] of runs) {
    let previous: { size: number; timings: Timings } | undefined
    for (const size of sizes) {
      const result = await run(size)
      lines.push(...result.lines)
      if (previous && result.timings.size > 0)
        lines.push(
          ...ratios(`${dialect} ${size}/${previous.size}`, previous.timings, result.timings),
        )
      previous = { size, timings: result.timings }
    }
  }
  return lines
}

if (process.argv[1]?.endsWith('archive.bench.ts')) {
  for (const line of await benchArchive()) console.log(`  ${line}`)
}
