import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import Sqlite from 'better-sqlite3'
import * as tar from 'tar'
import { DATABASE_FILE, MANIFEST_FILE, MEDIA_FOLDER, parseManifest } from './backup-manifest.js'
import { listFiles } from './sqlite-backup.js'

export interface RestoreTarget {
  databaseFile: string
  mediaFolder: string
  /** Where the archive is unpacked first: a folder on the same disk as the database. */
  workFolder: string
}

export interface RestoreReport {
  backupCreatedAt: string
  mediaFiles: number
  /** Where the database that was replaced now is (only with `force`). */
  previousDatabase?: string
}

/** A backup that cannot be restored, or a target that must not be overwritten: said in a sentence. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreError'
  }
}

/** A media file's name: the SHA-256 of its bytes and an extension. */
export const MEDIA_NAME = /^([0-9a-f]{64})\.[a-z0-9]{1,5}$/

/** The SHA-256 of a file, read as a stream. */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Articles and users in a database, or undefined when it has no tables yet. */
function contentOf(databaseFile: string): { articles: number; users: number } | undefined {
  const db = new Sqlite(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name in ('articles', 'users')",
      )
      .all()
    if (tables.length < 2) return undefined
    const count = (table: string) =>
      (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    return { articles: count('articles'), users: count('users') }
  } finally {
    db.close()
  }
}

/** Checks the unpacked copy: SQLite's integrity check, and each media file against its name. */
async function verifyUnpacked(staging: string): Promise<number> {
  const db = new Sqlite(join(staging, DATABASE_FILE), { readonly: true, fileMustExist: true })
  try {
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok')
      throw new RestoreError(`its database fails SQLite's integrity check: ${String(result)}`)
  } catch (error) {
    if (error instanceof RestoreError) throw error
    throw new RestoreError(`its database cannot be read: ${(error as Error).message}`)
  } finally {
    db.close()
  }
  const files = await listFiles(join(staging, MEDIA_FOLDER))
  for (const file of files) {
    const hash = MEDIA_NAME.exec(basename(file))?.[1]
    if (!hash || (await sha256Of(join(staging, MEDIA_FOLDER, file))) !== hash)
      throw new RestoreError(
        `its media file ${file} is damaged (its content does not match its name)`,
      )
  }
  return files.length
}

/**
 * Restores a `masthead backup` archive: unpacks and verifies it completely first, then puts the
 * database in place and adds the media files. A database that already holds content is replaced
 * only with `force`, and is then kept beside the new one rather than deleted. The server must be
 * stopped while this runs.
 */
export async function restoreSqlite(
  archive: string,
  target: RestoreTarget,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreReport> {
  if (!existsSync(archive)) throw new RestoreError(`${archive} does not exist`)
  const staging = join(target.workFolder, `.restore-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, { recursive: true })
  try {
    try {
      await tar.extract({
        file: archive,
        cwd: staging,
        strict: true,
        // Only the three parts of a backup; anything else (or a path escaping the folder) is ignored.
        filter: (path) =>
          path === MANIFEST_FILE || path === DATABASE_FILE || path.startsWith(`${MEDIA_FOLDER}/`),
      })
    } catch (error) {
      throw new RestoreError(`it is not a readable archive: ${(error as Error).message}`)
    }
    const manifestText = await readFile(join(staging, MANIFEST_FILE), 'utf8').catch(() => {
      throw new RestoreError('it has no manifest.json: it is not a Masthead backup')
    })
    let manifest
    try {
      manifest = parseManifest(manifestText)
    } catch (error) {
      throw new RestoreError((error as Error).message)
    }
    if (!existsSync(join(staging, DATABASE_FILE)))
      throw new RestoreError(`it has no ${DATABASE_FILE}`)
    const mediaFiles = await verifyUnpacked(staging)
    if (mediaFiles !== manifest.mediaFiles)
      throw new RestoreError(
        `it holds ${mediaFiles} media files where its manifest lists ${manifest.mediaFiles}`,
      )

    let previousDatabase: string | undefined
    if (existsSync(target.databaseFile)) {
      const content = contentOf(target.databaseFile)
      if (content && content.articles + content.users > 0 && !options.force)
        throw new RestoreError(
          `the database ${target.databaseFile} already holds ${content.articles} articles and ` +
            `${content.users} users; stop the server and pass --force to replace it (it is kept beside)`,
        )
      const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').slice(0, 15)
      previousDatabase = `${target.databaseFile}.before-restore-${stamp}`
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(target.databaseFile + suffix))
          await rename(target.databaseFile + suffix, previousDatabase + suffix)
    }
    await mkdir(dirname(target.databaseFile), { recursive: true })
    await copyFile(join(staging, DATABASE_FILE), `${target.databaseFile}.restoring`)
    await rename(`${target.databaseFile}.restoring`, target.databaseFile)

    for (const file of await listFiles(join(staging, MEDIA_FOLDER))) {
      const destination = join(target.mediaFolder, file)
      if (existsSync(destination)) continue
      await mkdir(dirname(destination), { recursive: true })
      await rename(join(staging, MEDIA_FOLDER, file), destination).catch(() =>
        copyFile(join(staging, MEDIA_FOLDER, file), destination),
      )
    }
    return {
      backupCreatedAt: manifest.createdAt,
      mediaFiles,
      ...(previousDatabase ? { previousDatabase } : {}),
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
