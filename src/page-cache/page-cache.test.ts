import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { chooseEncoding, createPageCache, type CachedPage } from './page-cache.js'

const page = (text: string, tags: string[], expiresAt = Number.POSITIVE_INFINITY) => ({
  status: 200,
  headers: {},
  etag: `"${text.length}"`,
  identity: Buffer.from(text),
  tags,
  expiresAt,
})

describe('page cache', () => {
  it('keeps the most recently used entries within its byte budget', () => {
    const cache = createPageCache({ maxBytes: 30 })
    cache.set('/a', page('a'.repeat(10), []), cache.generation())
    cache.set('/b', page('b'.repeat(10), []), cache.generation())
    expect(cache.get('/a')).toBeDefined()
    cache.set('/c', page('c'.repeat(15), []), cache.generation())
    expect(cache.get('/b')).toBeUndefined()
    expect(cache.get('/a')).toBeDefined()
    expect(cache.get('/c')).toBeDefined()
    expect(cache.stats().bytes).toBe(25)
  })

  it('purges exactly the entries carrying a tag', () => {
    const cache = createPageCache({ maxBytes: 1000 })
    cache.set('/en/', page('home', ['edition:en', 'a:1']), 0)
    cache.set('/en/news/1-x', page('one', ['a:1']), 0)
    cache.set('/en/news/2-y', page('two', ['a:2']), 0)
    expect(cache.purge(['a:1']).sort()).toEqual(['/en/', '/en/news/1-x'])
    expect(cache.get('/en/news/2-y')).toBeDefined()
    expect(cache.purge(['a:1'])).toEqual([])
  })

  it('refuses an entry rendered before a purge of one of its tags', () => {
    const cache = createPageCache({ maxBytes: 1000 })
    const startedBefore = cache.generation()
    cache.purge(['a:1'])
    cache.set('/stale', page('old', ['a:1']), startedBefore)
    cache.set('/other', page('other', ['a:2']), startedBefore)
    expect(cache.get('/stale')).toBeUndefined()
    expect(cache.get('/other')).toBeDefined()
  })

  it('refuses every entry rendered before it was cleared, and counts only the misses asked for', () => {
    const cache = createPageCache({ maxBytes: 1000 })
    const startedBefore = cache.generation()
    cache.clear()
    cache.set('/a', page('a', ['a:1']), startedBefore)
    expect(cache.get('/a', { isMissCounted: false })).toBeUndefined()
    expect(cache.stats().misses).toBe(0)
    cache.set('/a', page('a', ['a:1']), cache.generation())
    expect(cache.get('/a')).toBeDefined()
    expect(cache.get('/b')).toBeUndefined()
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 })
  })

  it('forgets expired entries', () => {
    let now = 1000
    const cache = createPageCache({ maxBytes: 1000, now: () => now })
    cache.set('/feed', page('feed', [], 2000), 0)
    expect(cache.get('/feed')).toBeDefined()
    now = 2000
    expect(cache.get('/feed')).toBeUndefined()
    expect(cache.stats().entries).toBe(0)
  })

  it('compresses each entry once, in brotli and gzip', async () => {
    const cache = createPageCache({ maxBytes: 100_000 })
    const text = '<p>A paragraph that repeats.</p>'.repeat(100)
    cache.set('/big', page(text, []), 0)
    await cache.settled()
    const stored = cache.get('/big') as CachedPage
    expect(brotliDecompressSync(stored.br as Buffer).toString()).toBe(text)
    expect(gunzipSync(stored.gzip as Buffer).toString()).toBe(text)
    expect(cache.stats().bytes).toBe(
      text.length + (stored.br?.length ?? 0) + (stored.gzip?.length ?? 0),
    )
  })

  it('hands the compressed copies of a stored entry to its miss, and none for an entry it did not keep', async () => {
    const cache = createPageCache({ maxBytes: 100_000 })
    const text = '<p>A paragraph that repeats.</p>'.repeat(100)
    const stored = cache.set('/big', page(text, []), 0)
    const copies = await cache.compressedCopiesOf(stored)
    expect(brotliDecompressSync(copies.br as Buffer).toString()).toBe(text)
    expect(gunzipSync(copies.gzip as Buffer).toString()).toBe(text)
    const startedBefore = cache.generation()
    cache.purge(['a:1'])
    const refused = cache.set('/stale', page(text, ['a:1']), startedBefore)
    expect(await cache.compressedCopiesOf(refused)).toEqual({})
  })

  it('chooses brotli, then gzip, then identity, honouring q=0', () => {
    const stored = { ...page('x', []), br: Buffer.from('b'), gzip: Buffer.from('g') }
    expect(chooseEncoding('gzip, deflate, br', stored)).toBe('br')
    expect(chooseEncoding('gzip', stored)).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip', stored)).toBe('gzip')
    expect(chooseEncoding(undefined, stored)).toBe('identity')
    expect(chooseEncoding('identity', stored)).toBe('identity')
    expect(chooseEncoding('br', page('x', []))).toBe('identity')
  })
})
