import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { PurgeLog } from './tagged-memo.js'

const compressBrotli = promisify(brotliCompress)
const compressGzip = promisify(gzip)

/** Bodies smaller than this are served as they are: compressing them saves nothing. */
const COMPRESS_FROM_BYTES = 512
/** How many recent purges are remembered to refuse renders that overlapped them. */
const RECENT_PURGES = 1000

/** One stored response: its bytes in each encoding, validators, headers and what it was built from. */
export interface CachedPage {
  status: number
  /** Headers sent with every answer from this entry (content type, cache control, tags…). */
  headers: Readonly<Record<string, string>>
  etag: string
  identity: Buffer
  /** Filled once, shortly after the entry is stored; until then the identity bytes are served. */
  gzip?: Buffer
  br?: Buffer
  /** The tags of everything the response was built from (`a:12`, `home:en`, `site`…). */
  tags: readonly string[]
  expiresAt: number
}

export type Encoding = 'br' | 'gzip' | 'identity'

/** The compressed copies of an entry; empty when it is too small to compress or compression failed. */
export type CompressedCopies = Partial<Pick<CachedPage, 'br' | 'gzip'>>

export interface PageCacheStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  purged: number
}

/**
 * The process's page cache: responses by key (the request's path and query), kept in
 * least-recently-used order within a byte budget, and removable by the tags they were built from.
 */
export interface PageCache extends PurgeLog {
  /** The live entry of a key; a miss is counted unless `isMissCounted` is false. */
  get(key: string, options?: { isMissCounted?: boolean }): CachedPage | undefined
  /**
   * Stores an entry and compresses it once, in the background; unless a purge since
   * `renderedFrom` (a `generation()`) named one of its tags: it may have read what that purge
   * replaced, so it is served to its own request but not kept.
   */
  set(key: string, page: Omit<CachedPage, 'gzip' | 'br'>, renderedFrom: number): CachedPage
  /**
   * The copies the background compression makes of an entry `set` returned, once they are made,
   * so a miss can answer compressed too; empty for an entry the cache did not keep.
   */
  compressedCopiesOf(page: CachedPage): Promise<CompressedCopies>
  /** Removes every entry carrying one of the tags; returns the removed keys. */
  purge(tags: Iterable<string>): string[]
  clear(): void
  /** Resolves when background compression of stored entries is done (tests, benchmarks). */
  settled(): Promise<void>
  stats(): PageCacheStats
}

function sizeOf(page: CachedPage): number {
  return page.identity.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0)
}

export function createPageCache(options: {
  maxBytes: number
  now?: () => number
  onCompressError?: (error: unknown) => void
}): PageCache {
  const now = options.now ?? Date.now
  const entries = new Map<string, CachedPage>()
  const keysByTag = new Map<string, Set<string>>()
  const compressing = new Set<Promise<void>>()
  const copiesByPage = new WeakMap<CachedPage, Promise<CompressedCopies>>()
  let bytes = 0
  let purges = 0
  /** The tags of the last purges, the newest last; `purges` counts them all. */
  const recentPurges: Set<string>[] = []

  function isPurgedSince(generation: number, tags: readonly string[]): boolean {
    const missed = purges - generation
    if (missed === 0) return false
    if (missed > recentPurges.length) return true
    return recentPurges.slice(-missed).some((purged) => tags.some((tag) => purged.has(tag)))
  }
  const counters = { hits: 0, misses: 0, purged: 0 }

  function remove(key: string): void {
    const page = entries.get(key)
    if (!page) return
    entries.delete(key)
    bytes -= sizeOf(page)
    for (const tag of page.tags) {
      const keys = keysByTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) keysByTag.delete(tag)
    }
  }

  function evictOverBudget(): void {
    for (const key of entries.keys()) {
      if (bytes <= options.maxBytes) return
      remove(key)
    }
  }

  async function compress(identity: Buffer): Promise<CompressedCopies> {
    const [br, gzip] = await Promise.all([
      compressBrotli(identity, {
        params: {
          // Quality 6: within 0.5 % of quality 9's size on an article, 25 times faster; the first
          // reader after a purge waits for it (docs/operations.md, "The page cache").
          [constants.BROTLI_PARAM_QUALITY]: 6,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
      compressGzip(identity, { level: 9 }),
    ])
    return { br, gzip }
  }

  function keepCopies(key: string, page: CachedPage, copies: CompressedCopies): void {
    // A purge or a newer render may have replaced the entry meanwhile.
    if (entries.get(key) !== page || !copies.br || !copies.gzip) return
    page.br = copies.br
    page.gzip = copies.gzip
    bytes += copies.br.length + copies.gzip.length
    evictOverBudget()
  }

  function compressInBackground(key: string, page: CachedPage): void {
    const copies = compress(page.identity).catch((error: unknown) => {
      options.onCompressError?.(error)
      return {}
    })
    copiesByPage.set(page, copies)
    const job = copies.then((made) => keepCopies(key, page, made))
    compressing.add(job)
    void job.finally(() => compressing.delete(job))
  }

  return {
    get(key, { isMissCounted = true } = {}) {
      const page = entries.get(key)
      if (!page || page.expiresAt <= now()) {
        if (page) remove(key)
        if (isMissCounted) counters.misses += 1
        return undefined
      }
      // Most recently used goes last; eviction starts from the first.
      entries.delete(key)
      entries.set(key, page)
      counters.hits += 1
      return page
    },
    generation: () => purges,
    isPurgedSince,
    set(key, stored, renderedFrom) {
      const page: CachedPage = { ...stored }
      if (page.identity.length > options.maxBytes || isPurgedSince(renderedFrom, page.tags))
        return page
      remove(key)
      entries.set(key, page)
      bytes += sizeOf(page)
      for (const tag of page.tags) {
        let keys = keysByTag.get(tag)
        if (!keys) keysByTag.set(tag, (keys = new Set()))
        keys.add(key)
      }
      evictOverBudget()
      if (page.identity.length >= COMPRESS_FROM_BYTES) compressInBackground(key, page)
      return page
    },
    compressedCopiesOf: (page) => copiesByPage.get(page) ?? Promise.resolve({}),
    purge(tags) {
      const purged = new Set(tags)
      purges += 1
      recentPurges.push(purged)
      if (recentPurges.length > RECENT_PURGES) recentPurges.shift()
      const keys = new Set<string>()
      for (const tag of purged) for (const key of keysByTag.get(tag) ?? []) keys.add(key)
      for (const key of keys) remove(key)
      counters.purged += keys.size
      return [...keys]
    },
    clear() {
      for (const key of [...entries.keys()]) remove(key)
      // Renders started before may have read what the missed purges replaced: keep none of them.
      purges += 1
      recentPurges.length = 0
    },
    async settled() {
      while (compressing.size > 0) await Promise.all(compressing)
    },
    stats: () => ({ entries: entries.size, bytes, ...counters }),
  }
}

/**
 * The best encoding the client accepts among those a stored response has (RFC 9110 §12.5.3):
 * br, then gzip, else the bytes as they are. Serves page-cache entries and precompressed files.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  page: Pick<CachedPage, 'identity' | 'br' | 'gzip'>,
): Encoding {
  if (!acceptEncoding) return 'identity'
  let best: Encoding = 'identity'
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';')
    const quality = parameters.find((parameter) => parameter.trim().startsWith('q='))
    if (quality && Number(quality.trim().slice(2)) === 0) continue
    if (name === 'br' && page.br) return 'br'
    if ((name === 'gzip' || name === '*') && page.gzip) best = 'gzip'
  }
  return best
}
