import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { MediaStorage } from './media-storage.js'

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z0-9]{1,5}$/

/** Turns a key into a path inside `root`; anything that is not a well-formed key is refused. */
function pathOfKey(root: string, key: string): string | undefined {
  if (!KEY_PATTERN.test(key)) return undefined
  const path = resolve(root, key)
  return path.startsWith(root + sep) ? path : undefined
}

function keyOf(hash: string, extension: string): string {
  return `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.${extension.toLowerCase()}`
}

async function hashOfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Renames across folders of one disk; copies when the source sits on another one. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await copyFile(from, to)
    await unlink(from)
  }
}

/** Runs a write through a temporary file; when it fails (a full disk), the partial file goes. */
async function settle(temporary: string, write: () => Promise<void>): Promise<void> {
  try {
    await write()
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
}

/** Media files in a folder, named by the SHA-256 of their content, written atomically. */
export function createLocalMediaStorage(folder: string): MediaStorage {
  const root = resolve(folder)
  return {
    async put(bytes, extension) {
      const key = keyOf(createHash('sha256').update(bytes).digest('hex'), extension)
      const path = pathOfKey(root, key)
      if (!path) throw new Error(`not a valid media file extension: ${extension}`)
      await mkdir(dirname(path), { recursive: true })
      const temporary = `${path}.${process.pid}.tmp`
      await settle(temporary, async () => {
        await writeFile(temporary, bytes)
        await rename(temporary, path)
      })
      return key
    },
    async putFile(source, extension) {
      const key = keyOf(await hashOfFile(source), extension)
      const path = pathOfKey(root, key)
      if (!path) throw new Error(`not a valid media file extension: ${extension}`)
      await mkdir(dirname(path), { recursive: true })
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`
      await settle(temporary, async () => {
        await moveFile(source, temporary)
        await rename(temporary, path)
      })
      return key
    },
    async get(key) {
      const path = pathOfKey(root, key)
      if (!path) return undefined
      return readFile(path).catch(() => undefined)
    },
    async has(key) {
      const path = pathOfKey(root, key)
      if (!path) return false
      return stat(path).then(
        (stats) => stats.isFile(),
        () => false,
      )
    },
    async delete(key) {
      const path = pathOfKey(root, key)
      if (path) await rm(path, { force: true })
    },
  }
}

/** The media folder inside the data directory. */
export function mediaFolderOf(dataDir: string): string {
  return join(dataDir, 'media')
}
