/** Where purges are counted; the page cache keeps this log (see page-cache.ts). */
export interface PurgeLog {
  /** A counter of purges, read before anything is built from the database. */
  generation(): number
  /** Whether a purge since `generation` named one of `tags` (true when it cannot tell). */
  isPurgedSince(generation: number, tags: readonly string[]): boolean
}

/** A value read from the database with the cache tags of what it was built from. */
export interface Tagged<T> {
  value: T
  tags: readonly string[]
  /** Kept no later than this (epoch ms): bounds what changes without an event. */
  expiresAt: number
}

/**
 * Values that every page reads (sections, editions, settings, the breaking bar), kept in the
 * process and dropped by the same purges as the pages built from them, so a page rendered from
 * them is as fresh as one rendered from the database.
 */
export interface TaggedMemo {
  /** The kept value of `key`, else what `load` reads, which readers of the same key share. */
  get<T>(key: string, now: number, load: () => Promise<Tagged<T>>): Promise<T>
}

interface Entry {
  tagged: Tagged<unknown>
  generation: number
}

export function createTaggedMemo(purges: PurgeLog): TaggedMemo {
  const entries = new Map<string, Entry>()
  const loading = new Map<string, { generation: number; value: Promise<unknown> }>()

  async function fill<T>(key: string, generation: number, load: () => Promise<Tagged<T>>) {
    try {
      const tagged = await load()
      entries.set(key, { tagged, generation })
      return tagged.value
    } finally {
      if (loading.get(key)?.generation === generation) loading.delete(key)
    }
  }

  return {
    get<T>(key: string, now: number, load: () => Promise<Tagged<T>>): Promise<T> {
      const entry = entries.get(key)
      if (
        entry &&
        entry.tagged.expiresAt > now &&
        !purges.isPurgedSince(entry.generation, entry.tagged.tags)
      )
        return Promise.resolve(entry.tagged.value as T)
      // Read before loading: a purge during the load makes the entry stale at once, and a reader
      // arriving after a purge does not share a load that began before it.
      const generation = purges.generation()
      const pending = loading.get(key)
      if (pending?.generation === generation) return pending.value as Promise<T>
      const value = fill(key, generation, load)
      loading.set(key, { generation, value })
      return value
    },
  }
}
