/**
 * How long each kind of public response may be kept (STANDARDS §9.1): `cacheControl` for browsers
 * and shared caches (short in browsers, longer at the edge, which is purged on publish), and
 * `keepSeconds` for the process's own page cache, which is purged exactly too. The page cache's
 * lifetime bounds what changes without an event: the date line, a breaking flag running out, the
 * most-read list.
 */
export const CACHE_POLICIES = {
  article: {
    cacheControl:
      'public, max-age=60, s-maxage=86400, stale-while-revalidate=300, stale-if-error=86400',
    keepSeconds: 600,
  },
  front: {
    cacheControl:
      'public, max-age=30, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
    keepSeconds: 60,
  },
  feed: {
    cacheControl:
      'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
    keepSeconds: 300,
  },
  api: {
    cacheControl:
      'public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400',
    keepSeconds: 60,
  },
  /**
   * A live story's newer entries (`?after=`), polled every few seconds by pages whose stream
   * failed: a CDN answers the crowd of pollers and asks again after two seconds; the page cache
   * keeps it until an entry of the story purges it.
   */
  livePoll: {
    cacheControl: 'public, max-age=2, s-maxage=2',
    keepSeconds: 60,
  },
} as const

export type CacheKind = keyof typeof CACHE_POLICIES
