import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { PageCache } from './page-cache.js'
import type { EventOutbox } from '../platform/outbox/event-outbox.js'
import { cacheTags } from './cache-tags.js'
import { purgeTagsOf } from './purge-tags.js'

/** Tells a CDN or Varnish in front what to drop. */
export type EdgePurge = (tags: string[]) => Promise<void>

/** Tags per PURGE request, so the xkey header stays well under proxies' header limits. */
const TAGS_PER_EDGE_PURGE = 200
/** More changes than this read at once purge the whole site at the edge. */
const WHOLE_SITE_PURGE_AFTER = 50

/**
 * Every process purges its own page cache of exactly what each committed change made stale; the
 * outbox brings each process every change, whoever wrote it. A writer's own process is done before
 * its save answers.
 */
export function purgeOnChange(deps: {
  db: Kysely<Database>
  outbox: EventOutbox
  cache: PageCache
}): void {
  deps.outbox.subscribe(async (event) => {
    deps.cache.purge(await purgeTagsOf(deps.db, event))
  })
}

/**
 * The edge (CDN or Varnish) is purged once per site, by whichever process holds the outbox
 * consumer; a failed PURGE is retried with backoff, in order, so the edge cannot stay stale after
 * a crash or an outage of its own. It runs behind the save, not holding it up.
 */
export function purgeEdgeOnChange(deps: {
  db: Kysely<Database>
  outbox: EventOutbox
  edge: EdgePurge
}): void {
  deps.outbox.consume({
    name: 'edge-purge',
    isAwaitedByWriters: false,
    async handle(events) {
      // An import or a restore brings hundreds of changes at once: one purge of every page
      // (each carries the site tag) beats working out and sending thousands of tags.
      if (events.length > WHOLE_SITE_PURGE_AFTER) return deps.edge([cacheTags.site])
      const tags = new Set<string>()
      for (const event of events) for (const tag of await purgeTagsOf(deps.db, event)) tags.add(tag)
      const all = [...tags]
      for (let start = 0; start < all.length; start += TAGS_PER_EDGE_PURGE)
        await deps.edge(all.slice(start, start + TAGS_PER_EDGE_PURGE))
    },
  })
}

/** PURGE with the tags in an `xkey` header, as the VCL in docs/operations.md expects. */
export function xkeyPurge(url: string, fetchImpl: typeof fetch = fetch): EdgePurge {
  return async (tags) => {
    const response = await fetchImpl(url, {
      method: 'PURGE',
      headers: { xkey: tags.join(' ') },
      signal: AbortSignal.timeout(5000),
    })
    if (!response.ok) throw new Error(`PURGE ${url} answered ${response.status}`)
  }
}
