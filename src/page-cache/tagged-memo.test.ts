import { describe, expect, it } from 'vitest'
import { createPageCache } from './page-cache.js'
import { createTaggedMemo, type Tagged } from './tagged-memo.js'

const NOW = 1_000_000

/** A loader that reads `value` at once. */
const reading =
  <T>(value: T, tags: string[] = ['site'], expiresAt = NOW + 60_000) =>
  (): Promise<Tagged<T>> =>
    Promise.resolve({ value, tags, expiresAt })

/** A memo over a real page cache's purge log, and a loader that counts its reads. */
function setup() {
  const purges = createPageCache({ maxBytes: 1 << 20 })
  const memo = createTaggedMemo(purges)
  let reads = 0
  const load =
    (tags: string[], lifetime = 60_000) =>
    () => {
      reads += 1
      return reading(reads, tags, NOW + lifetime)()
    }
  return { purges, memo, load, reads: () => reads }
}

describe('tagged memo', () => {
  it('keeps a value until a purge names one of its tags', async () => {
    const { purges, memo, load } = setup()
    expect(await memo.get('sections', NOW, load(['site']))).toBe(1)
    expect(await memo.get('sections', NOW + 10, load(['site']))).toBe(1)
    purges.purge(['a:7', 'home:en'])
    expect(await memo.get('sections', NOW + 20, load(['site']))).toBe(1)
    purges.purge(['site'])
    expect(await memo.get('sections', NOW + 30, load(['site']))).toBe(2)
    expect(await memo.get('sections', NOW + 40, load(['site']))).toBe(2)
  })

  it('reads again once the value expires', async () => {
    const { memo, load } = setup()
    expect(await memo.get('breaking', NOW, load(['breaking:en'], 500))).toBe(1)
    expect(await memo.get('breaking', NOW + 499, load(['breaking:en'], 500))).toBe(1)
    expect(await memo.get('breaking', NOW + 500, load(['breaking:en'], 500))).toBe(2)
  })

  it('reads again after the cache is cleared (purges another process may have missed)', async () => {
    const { purges, memo, load } = setup()
    await memo.get('editions', NOW, load(['site']))
    purges.clear()
    expect(await memo.get('editions', NOW, load(['site']))).toBe(2)
  })

  it('lets concurrent readers share one read', async () => {
    const { memo, load, reads } = setup()
    const values = await Promise.all([1, 2, 3].map(() => memo.get('site', NOW, load(['site']))))
    expect(values).toEqual([1, 1, 1])
    expect(reads()).toBe(1)
  })

  it('never keeps what was read across a purge of its tags, nor shares that read with later readers', async () => {
    const { purges, memo } = setup()
    let release = () => {}
    const slowRead = memo.get('site', NOW, async () => {
      await new Promise<void>((resolve) => (release = resolve))
      return { value: 'before', tags: ['site'], expiresAt: NOW + 60_000 }
    })
    purges.purge(['site'])
    const fresh = memo.get('site', NOW, reading('after'))
    release()
    expect(await slowRead).toBe('before')
    expect(await fresh).toBe('after')
    // The slow read finished last, but it began before the purge: it is not what is kept.
    expect(await memo.get('site', NOW, reading('reread'))).not.toBe('before')
  })

  it('forgets a failed read, so the next reader tries again', async () => {
    const { memo } = setup()
    await expect(
      memo.get('site', NOW, () => Promise.reject(new Error('database unreachable'))),
    ).rejects.toThrow('database unreachable')
    expect(await memo.get('site', NOW, reading('ok'))).toBe('ok')
  })
})
