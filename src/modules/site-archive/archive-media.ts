import { existsSync } from 'node:fs'
import { copyFile, mkdir, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { listFiles } from '../backup/sqlite-backup.js'
import { sha256Of } from '../backup/sqlite-restore.js'
import { ArchiveError } from './archive-error.js'

/** Where the media storage keeps a file: `ab/cd/<sha-256>.<extension>`. */
const STORAGE_PATH = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})\.[a-z0-9]{1,5}$/

/** The files of a media folder that the storage wrote (named by their hash), sorted. */
export async function listMediaFiles(folder: string): Promise<string[]> {
  return (await listFiles(folder)).filter((file) => STORAGE_PATH.test(file))
}

/**
 * Checks the unpacked media folder of an archive: every file where the storage would keep it and
 * with the bytes its name promises. Returns the files.
 */
export async function verifyArchiveMedia(folder: string): Promise<string[]> {
  const files = await listFiles(folder)
  for (const file of files) {
    const match = STORAGE_PATH.exec(file)
    const hash = match?.[3]
    if (!match || !hash || !hash.startsWith(`${match[1]}${match[2]}`))
      throw new ArchiveError(`its media file ${file} is not named as Masthead names media files`)
    if ((await sha256Of(join(folder, file))) !== hash)
      throw new ArchiveError(
        `its media file ${file} is damaged (its content does not match its name)`,
      )
  }
  return files
}

/** Moves verified files into the media folder; a file already there has the same bytes. */
export async function moveMediaInto(from: string, files: string[], to: string): Promise<void> {
  for (const file of files) {
    const destination = join(to, file)
    if (existsSync(destination)) continue
    await mkdir(dirname(destination), { recursive: true })
    await rename(join(from, file), destination).catch(async () => {
      await copyFile(join(from, file), `${destination}.import.tmp`)
      await rename(`${destination}.import.tmp`, destination)
    })
  }
}
