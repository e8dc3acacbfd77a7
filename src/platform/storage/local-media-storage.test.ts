import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createLocalMediaStorage } from './local-media-storage.js'

describe('local media storage', () => {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-media-'))
  const storage = createLocalMediaStorage(folder)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('stores bytes under their content hash and gives them back', async () => {
    const key = await storage.put(Buffer.from('picture'), 'JPG')
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/)
    expect(await storage.put(Buffer.from('picture'), 'jpg')).toBe(key)
    expect((await storage.get(key))?.toString()).toBe('picture')
    expect(await storage.has(key)).toBe(true)
  })

  it('refuses keys that could reach outside the media folder', async () => {
    expect(await storage.get('../../etc/passwd')).toBeUndefined()
    expect(await storage.has('/etc/passwd')).toBe(false)
    await expect(storage.put(Buffer.from('x'), '../x')).rejects.toThrow()
  })
})
