import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStore, type Store } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { paragraph } from '../src/modules/articles/document/article-document.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { createSearchIndex } from '../src/modules/search/search-index.js'
import { createSection } from '../src/modules/sections/section-queries.js'
import {
  ARABIC_WORDS,
  ENGLISH_WORDS,
  randomGenerator,
  sentence,
  zipfRank,
} from './search-corpus.js'

const ARTICLES = 100_000
const QUERIES = 200
const INSERT_BATCH = 500
const POSTGRES_URL =
  process.env['MASTHEAD_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const NOW = new Date('2026-11-29T12:00:00.000Z')
const SPAN_MS = 3 * 365 * 86_400_000

export async function fillArchive(store: Store): Promise<void> {
  const { db } = store
  await migrateToLatest(db)
  await saveEditions(db, STARTING_EDITIONS)
  const sectionIds: number[] = []
  for (let index = 0; index < 8; index++) {
    const translations = {
      en: { name: `Section ${index}`, slug: `section-${index}` },
      ar: { name: `قسم ${index}`, slug: `قسم-${index}` },
    }
    sectionIds.push(await createSection(db, { translations }, NOW))
  }
  const random = randomGenerator(42)
  for (let start = 0; start < ARTICLES; start += INSERT_BATCH) {
    const rows = Array.from({ length: Math.min(INSERT_BATCH, ARTICLES - start) }, (_, offset) => {
      const index = start + offset
      const language = index % 2 === 0 ? 'en' : 'ar'
      const body = Array.from({ length: 3 }, () => paragraph(sentence(language, 60, random)))
      const time = new Date(NOW.getTime() - SPAN_MS + (index / ARTICLES) * SPAN_MS).toISOString()
      return {
        language,
        sectionId: sectionIds[index % sectionIds.length] ?? 0,
        status: 'published' as const,
        type: 'report' as const,
        excerpt: '',
        isBreaking: 0,
        isFeatured: 0,
        headline: sentence(language, 8, random),
        dek: sentence(language, 16, random),
        slug: `story-${index}`,
        bodyDoc: JSON.stringify({ type: 'doc', content: body }),
        bodyHtml: '',
        seo: '{}',
        publishedAt: time,
        createdAt: time,
        updatedAt: time,
      }
    })
    await db.insertInto('articles').values(rows).execute()
  }
}

/** 200 queries, half per edition: one to three words from the middle and top of the vocabulary, phrases, OR and exclusions. */
export function queryMix(): { query: string; language: 'en' | 'ar' }[] {
  const random = randomGenerator(7)
  const word = (language: 'en' | 'ar', common = false) => {
    const rank = common ? Math.floor(random() * 50) : 50 + (zipfRank(random) % 5000)
    return (language === 'en' ? ENGLISH_WORDS : ARABIC_WORDS)[rank] ?? ''
  }
  return Array.from({ length: QUERIES }, (_, index) => {
    const language = index % 2 === 0 ? 'en' : 'ar'
    const shapes = [
      () => word(language),
      () => `${word(language)} ${word(language)}`,
      () => word(language, true),
      () => `${word(language, true)} ${word(language)}`,
      () => `"${sentence(language, 2, random)}"`,
      () => `${word(language)} OR ${word(language)}`,
      () => `${word(language, true)} -${word(language)}`,
      () => `${word(language)} ${word(language)} ${word(language)}`,
    ]
    return { query: shapes[index % shapes.length]?.() ?? '', language }
  })
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0
}

async function benchOn(name: string, store: Store): Promise<string[]> {
  const filledAt = performance.now()
  await fillArchive(store)
  const filled = performance.now() - filledAt
  const index = createSearchIndex({ db: store.db, now: () => NOW })
  const builtAt = performance.now()
  await index.rebuild()
  const build = performance.now() - builtAt
  const queries = queryMix()
  for (const query of queries.slice(0, 20)) await index.search(query, { pageSize: 10 })
  const times: number[] = []
  let hits = 0
  for (const query of queries) {
    const started = performance.now()
    const page = await index.search(query, { pageSize: 10 })
    times.push(performance.now() - started)
    hits += page.total
  }
  times.sort((a, b) => a - b)
  return [
    `${name}: ${ARTICLES} articles written in ${(filled / 1000).toFixed(1)} s, index built in ${(build / 1000).toFixed(1)} s`,
    `${name}: ${QUERIES} queries (page of 10 with snippets and total), p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms, ${Math.round(hits / QUERIES)} matches per query on average`,
  ]
}

/**
 * Search over a generated 100,000-article archive (half Arabic, half English): the time to build
 * the index and the latency of a mix of 200 queries, on SQLite and on PostgreSQL when reachable.
 * Budget: p95 under 25 ms on SQLite.
 */
export async function benchSearch(): Promise<string[]> {
  const lines: string[] = []
  const folder = mkdtempSync(join(tmpdir(), 'masthead-search-bench-'))
  const sqlite = await openStore({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
  try {
    lines.push(...(await benchOn('SQLite', sqlite)))
  } finally {
    await sqlite.close()
    rmSync(folder, { recursive: true, force: true })
  }
  const name = `masthead_search_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  try {
    await admin.connect()
  } catch {
    lines.push(`PostgreSQL: not reachable at ${new URL(POSTGRES_URL).host}, skipped`)
    return lines
  }
  try {
    await admin.query(`create database ${name}`)
    const url = new URL(POSTGRES_URL)
    url.pathname = `/${name}`
    const postgres = await openStore({
      kind: 'postgres',
      url: url.toString(),
      connectTimeoutMs: 5000,
    })
    try {
      lines.push(...(await benchOn('PostgreSQL', postgres)))
    } finally {
      await postgres.close()
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
  return lines
}

if (process.argv[1]?.endsWith('search.bench.ts')) {
  for (const line of await benchSearch()) console.log(`  ${line}`)
}
