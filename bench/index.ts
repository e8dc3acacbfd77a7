import { benchAdminTyping } from './admin-typing.bench.js'
import { benchArchive } from './archive.bench.js'
import { benchLive } from './live.bench.js'
import { benchMedia } from './media.bench.js'
import { benchMetrics } from './metrics.bench.js'
import { benchPageCache } from './page-cache.bench.js'
import { benchNewsroomScreens } from './newsroom-screens.bench.js'
import { benchPublishToVisible } from './publish-to-visible.bench.js'
import { benchSearch } from './search.bench.js'
import { benchSitemaps } from './sitemap.bench.js'
import { benchSoak } from './soak.bench.js'
import { benchStoreQueries } from './store-queries.bench.js'
import { benchWordPressImport } from './wordpress-import.bench.js'
import { benchWireIngest } from './wire-ingest.bench.js'

interface Benchmark {
  name: string
  title: string
  run: () => Promise<string[]>
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'store-queries',
    title: 'Store queries on SQLite (demo newsroom, 84 articles)',
    run: benchStoreQueries,
  },
  {
    name: 'publish-to-visible',
    title: 'Publishing through the Admin API (SQLite, over HTTP)',
    run: benchPublishToVisible,
  },
  { name: 'sitemap', title: 'Sitemaps of a large archive (SQLite, over HTTP)', run: benchSitemaps },
  {
    name: 'archive',
    title:
      'Pages of a generated archive, uncached, one request at a time: p50 (search p95) at each size and the ratio between sizes (budgets: article 3 ms, listings 5, page 500 10, search 25; ratio 1.5)',
    run: benchArchive,
  },
  {
    name: 'search',
    title:
      'Search over 100,000 generated articles, half Arabic, half English (budget: p95 < 25 ms on SQLite)',
    run: benchSearch,
  },
  { name: 'media', title: 'Media pipeline (SQLite, sharp)', run: benchMedia },
  {
    name: 'page-cache',
    title: 'Page cache under load (wrk, nginx from Debian; SQLite, real processes)',
    run: benchPageCache,
  },
  {
    name: 'admin-typing',
    title:
      'Newsroom app in Chromium (first-load budget: 350 KB gzipped; typing: no long task over 50 ms)',
    run: benchAdminTyping,
  },
  {
    name: 'wordpress-import',
    title: 'WordPress import of a generated 50,000-post WXR file (SQLite; target ≥ 1,000 posts/s)',
    run: benchWordPressImport,
  },
  {
    name: 'newsroom-screens',
    title: 'Newsroom list and dashboard (SQLite, demo newsroom; budget: named list ≥ 0.25 of bare)',
    run: benchNewsroomScreens,
  },
  {
    name: 'wire-ingest',
    title: 'Wire polling of a generated 1,000-story RSS feed (SQLite, local HTTP)',
    run: benchWireIngest,
  },
  {
    name: 'metrics',
    title: 'Observability (in-process): the request-id and metrics hooks per request, and a scrape',
    run: benchMetrics,
  },
  {
    name: 'live',
    title:
      'Live coverage: 10,000 reader streams (target p99 save → arrival ≤ 1 s on two processes), save → visible in Chromium, a cached live page vs nginx (SQLite, real processes)',
    run: benchLive,
  },
  {
    name: 'soak',
    title:
      'Soak: 100 connections of mixed reading traffic for 10 minutes (MASTHEAD_SOAK_SECONDS); no 5xx, memory within 10%',
    run: benchSoak,
  },
]

/**
 * `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same
 * run; `npm run bench -- page-cache wordpress-import` runs only those, so one can run alone.
 */
const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !BENCHMARKS.some((bench) => bench.name === name))
if (unknown.length > 0) {
  console.error(
    `No benchmark named ${unknown.join(', ')}; there are: ${BENCHMARKS.map((bench) => bench.name).join(', ')}`,
  )
  process.exit(2)
}
for (const bench of BENCHMARKS) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue
  console.log(bench.title)
  for (const line of await bench.run()) console.log(`  ${line}`)
}
