import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { EventBus } from '../../platform/events.js'
import type { PageCache } from '../../platform/page-cache.js'
import type { PurgeBroadcast } from '../../platform/purge-broadcast.js'
import { purgeTagsOf } from './purge-tags.js'

/** Tells a CDN or Varnish in front what to drop. */
export type EdgePurge = (tags: string[]) => Promise<void>

/**
 * After each committed change: purges this process's page cache of exactly what the change made
 * stale, then tells the other processes and the edge. The event bus waits for this, so a save
 * answers once its pages are fresh here.
 */
export function purgeOnChange(deps: {
  db: Kysely<Database>
  events: EventBus
  cache: PageCache
  broadcast?: Pick<PurgeBroadcast, 'send'>
  edge?: EdgePurge
  onEdgeError: (error: unknown) => void
}): void {
  deps.events.subscribe(async (event) => {
    const tags = await purgeTagsOf(deps.db, event)
    deps.cache.purge(tags)
    // The edge is told first, so a broken channel to the other processes cannot keep it stale,
    // and without holding up the save; a failure is logged and the edge's own lifetimes
    // (s-maxage) bound how long it may show the old page.
    deps.edge?.(tags).catch(deps.onEdgeError)
    await deps.broadcast?.send(tags)
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
