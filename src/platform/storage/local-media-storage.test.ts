import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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

  it('moves a finished file in under its content hash, and deletes by key', async () => {
    const source = join(folder, 'upload.tmp')
    writeFileSync(source, 'moved picture')
    const key = await storage.putFile(source, 'png')
    expect(existsSync(source)).toBe(false)
    expect((await storage.get(key))?.toString()).toBe('moved picture')
    expect(key).toBe(await storage.put(Buffer.from('moved picture'), 'png'))
    await storage.delete(key)
    expect(await storage.has(key)).toBe(false)
    await expect(storage.delete('../../etc/passwd')).resolves.toBeUndefined()
  })

  it('refuses keys that could reach outside the media folder', async () => {
    expect(await storage.get('../../etc/passwd')).toBeUndefined()
    expect(await storage.has('/etc/passwd')).toBe(false)
    await expect(storage.put(Buffer.from('x'), '../x')).rejects.toThrow()
  })
})
