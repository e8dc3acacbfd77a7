import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { sql, type Kysely } from 'kysely'
import * as tar from 'tar'
import type { DialectName } from '../../db/create-database.js'
import type { Database } from '../../db/database.js'
import { linkOrCopy } from '../backup/sqlite-backup.js'
import { withReadSnapshot } from './archive-dialect.js'
import {
  ARCHIVE_FORMAT,
  MANIFEST_FILE,
  MEDIA_FOLDER,
  TABLES_FOLDER,
  type ArchiveManifest,
} from './archive-manifest.js'
import { listMediaFiles } from './archive-media.js'
import { archivedColumns, archivedTables, type ArchiveTable } from './archive-tables.js'

/** Table names chosen at run time: rows are plain records, checked against `ARCHIVE_TABLES`. */
export type LooseDatabase = Kysely<Record<string, Record<string, unknown>>>

const PAGE_ROWS = 500

export interface ExportSources {
  db: Kysely<Database>
  dialect: DialectName
  mediaFolder: string
  /** Where staging files go: a folder on the same disk as the media, so files are linked. */
  workFolder: string
}

export interface ExportReport {
  archive: string
  tables: Record<string, number>
  rows: number
  mediaFiles: number
  bytes: number
  includesSecrets: boolean
}

/** Writes one table as JSON lines, reading it a page at a time in primary-key order. */
async function writeTable(
  db: LooseDatabase,
  table: ArchiveTable,
  includesSecrets: boolean,
  path: string,
): Promise<number> {
  const columns = archivedColumns(table, includesSecrets)
  const out = createWriteStream(path)
  let written = 0
  let after: unknown[] | undefined
  try {
    for (;;) {
      const key = table.key.map((column) => sql.ref(column))
      let query = db.selectFrom(table.name).selectAll()
      if (after)
        query = query.where(
          sql<boolean>`(${sql.join(key)}) > (${sql.join(after.map((value) => sql.val(value)))})`,
        )
      for (const column of table.key) query = query.orderBy(column)
      const rows = await query.limit(PAGE_ROWS).execute()
      if (rows.length === 0) break
      const lines: string[] = []
      for (const row of rows) {
        if (!includesSecrets && table.isSecretRow?.(row)) continue
        lines.push(JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))))
      }
      written += lines.length
      if (lines.length > 0 && !out.write(`${lines.join('\n')}\n`)) await once(out, 'drain')
      const last = rows[rows.length - 1] ?? {}
      after = table.key.map((column) => last[column])
    }
  } finally {
    out.end()
    await finished(out)
  }
  return written
}

/**
 * Writes a logical export of the whole site to one .tar.gz archive: a manifest, one JSON-lines
 * file per table (read in one snapshot, a page at a time) and the media files. Users' password
 * hashes and two-factor secrets, API tokens, webhooks and the preview signing key are left out
 * unless `includesSecrets`. Works the same on SQLite and PostgreSQL.
 */
export async function exportSite(
  sources: ExportSources,
  archive: string,
  options: { includesSecrets?: boolean; now?: Date } = {},
): Promise<ExportReport> {
  const includesSecrets = options.includesSecrets ?? false
  const staging = join(sources.workFolder, `.export-${randomBytes(6).toString('hex')}`)
  await mkdir(join(staging, TABLES_FOLDER), { recursive: true })
  try {
    const { tables, migrations } = await withReadSnapshot(
      sources.db as unknown as LooseDatabase,
      async (db) => {
        const counts: Record<string, number> = {}
        for (const table of archivedTables(includesSecrets))
          counts[table.name] = await writeTable(
            db,
            table,
            includesSecrets,
            join(staging, TABLES_FOLDER, `${table.name}.jsonl`),
          )
        const applied = await sql<{
          name: string
        }>`select name from ${sql.table('kysely_migration')} order by name`.execute(db)
        return { tables: counts, migrations: applied.rows.map((row) => row.name) }
      },
    )
    // Media files are written before the rows naming them and never change, so every file the
    // snapshot's rows name is in the folder when it is listed after.
    const mediaFiles = await listMediaFiles(sources.mediaFolder)
    for (const file of mediaFiles)
      await linkOrCopy(join(sources.mediaFolder, file), join(staging, MEDIA_FOLDER, file))
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: sources.dialect,
      schemaVersion: migrations[migrations.length - 1] ?? '',
      migrations,
      includesSecrets,
      tables,
      mediaFiles: mediaFiles.length,
    }
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
    // Written under another name first: a failed export never leaves a torn archive behind.
    const partial = `${archive}.partial`
    try {
      await tar.create({ file: partial, cwd: staging, gzip: true, portable: true }, [
        MANIFEST_FILE,
        TABLES_FOLDER,
        ...(mediaFiles.length > 0 ? [MEDIA_FOLDER] : []),
      ])
      await rename(partial, archive)
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    const rows = Object.values(tables).reduce((sum, count) => sum + count, 0)
    const { size } = await stat(archive)
    return { archive, tables, rows, mediaFiles: mediaFiles.length, bytes: size, includesSecrets }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
