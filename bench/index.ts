import { benchAdminTyping } from './admin-typing.bench.js'
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

/** `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run. */
console.log('Store queries on SQLite (demo newsroom, 84 articles)')
for (const line of await benchStoreQueries()) console.log(`  ${line}`)
console.log('Publishing through the Admin API (SQLite, over HTTP)')
for (const line of await benchPublishToVisible()) console.log(`  ${line}`)
console.log('Sitemaps of a large archive (SQLite, over HTTP)')
for (const line of await benchSitemaps()) console.log(`  ${line}`)
console.log(
  'Search over 100,000 generated articles, half Arabic, half English (budget: p95 < 25 ms on SQLite)',
)
for (const line of await benchSearch()) console.log(`  ${line}`)
console.log('Media pipeline (SQLite, sharp)')
for (const line of await benchMedia()) console.log(`  ${line}`)
console.log('Page cache under load (wrk, nginx from Debian; SQLite, real processes)')
for (const line of await benchPageCache()) console.log(`  ${line}`)
console.log(
  'Newsroom app in Chromium (first-load budget: 350 KB gzipped; typing: no long task over 50 ms)',
)
for (const line of await benchAdminTyping()) console.log(`  ${line}`)
console.log('WordPress import of a generated 50,000-post WXR file (SQLite; target ≥ 1,000 posts/s)')
for (const line of await benchWordPressImport()) console.log(`  ${line}`)
console.log(
  'Newsroom list and dashboard (SQLite, demo newsroom; budget: named list ≥ 0.25 of bare)',
)
for (const line of await benchNewsroomScreens()) console.log(`  ${line}`)
console.log('Wire polling of a generated 1,000-story RSS feed (SQLite, local HTTP)')
for (const line of await benchWireIngest()) console.log(`  ${line}`)
console.log(
  'Observability (in-process): the request-id and metrics hooks per request, and a scrape',
)
for (const line of await benchMetrics()) console.log(`  ${line}`)
console.log(
  'Soak: 100 connections of mixed reading traffic for 10 minutes (MASTHEAD_SOAK_SECONDS); no 5xx, memory within 10%',
)
for (const line of await benchSoak()) console.log(`  ${line}`)
