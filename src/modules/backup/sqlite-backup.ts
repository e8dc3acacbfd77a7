import { randomBytes } from 'node:crypto'
import { copyFile, link, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import Sqlite from 'better-sqlite3'
import * as tar from 'tar'
import {
  BACKUP_FORMAT,
  DATABASE_FILE,
  MANIFEST_FILE,
  MEDIA_FOLDER,
  type BackupManifest,
} from './backup-manifest.js'

export interface BackupSources {
  /** The live SQLite file; the server may keep running and writing while it is copied. */
  databaseFile: string
  mediaFolder: string
  /** Where staging files go: a folder on the same disk as the media, so files are linked. */
  workFolder: string
}

export interface BackupReport {
  archive: string
  mediaFiles: number
  databaseBytes: number
}

/** Every file under a folder, as paths relative to it; half-written uploads (.tmp) are left out. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    },
  )
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort()
}

/** Links a file into place (instant, no extra space); copies when the two sit on different disks. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  try {
    await link(from, to)
  } catch (error) {
    if (!['EXDEV', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
    await copyFile(from, to)
  }
}

/**
 * Writes one archive (tar; gzip when its name ends in .gz or .tgz) holding a consistent copy of the
 * SQLite database, taken with SQLite's online backup API while the site keeps running, and the
 * media files. The database goes first: media files are written before the rows that name them and
 * never change, so every file the copied rows name is there when the media folder is read after.
 */
export async function backUpSqlite(sources: BackupSources, archive: string): Promise<BackupReport> {
  const staging = join(sources.workFolder, `.backup-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, { recursive: true })
  try {
    const source = new Sqlite(sources.databaseFile, { readonly: true, fileMustExist: true })
    let schema: string[]
    try {
      await source.backup(join(staging, DATABASE_FILE))
      schema = (
        source.prepare('select name from kysely_migration order by name').all() as {
          name: string
        }[]
      ).map((row) => row.name)
    } finally {
      source.close()
    }
    const mediaFiles = await listFiles(sources.mediaFolder)
    for (const file of mediaFiles)
      await linkOrCopy(join(sources.mediaFolder, file), join(staging, MEDIA_FOLDER, file))
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: 'sqlite',
      migrations: schema,
      mediaFiles: mediaFiles.length,
    }
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
    await tar.create(
      { file: archive, cwd: staging, gzip: /\.(t?gz)$/.test(archive), portable: true },
      [MANIFEST_FILE, DATABASE_FILE, ...(mediaFiles.length > 0 ? [MEDIA_FOLDER] : [])],
    )
    const { size } = await stat(join(staging, DATABASE_FILE))
    return { archive, mediaFiles: mediaFiles.length, databaseBytes: size }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
