import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Kysely } from 'kysely'
import * as tar from 'tar'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { rebuildArticleReferences } from '../articles/article-references.js'
import { rebuildPageReferences } from '../pages/page-references.js'
import { createSearchIndex } from '../search/search-index.js'
import { advanceIdSequences } from './archive-dialect.js'
import { recordSiteReplaced } from './record-site-replaced.js'
import { ArchiveError } from './archive-error.js'
import {
  MANIFEST_FILE,
  MEDIA_FOLDER,
  parseArchiveManifest,
  TABLES_FOLDER,
  type ArchiveManifest,
} from './archive-manifest.js'
import { moveMediaInto, verifyArchiveMedia } from './archive-media.js'
import { checkArchiveRow } from './archive-row.js'
import {
  ARCHIVE_TABLES,
  archivedColumns,
  archivedTables,
  SECRET_PLACEHOLDERS,
  type ArchiveTable,
} from './archive-tables.js'
import type { LooseDatabase } from './export-site.js'

/** Bound parameters per insert, well under SQLite's and PostgreSQL's limits. */
const PARAMETERS_PER_INSERT = 4000

export interface ImportTarget {
  db: Kysely<Database>
  mediaFolder: string
  /** Where the archive is unpacked first: a folder on the same disk as the media. */
  workFolder: string
}

export interface SiteImportReport {
  exportedAt: string
  exportedFrom: ArchiveManifest['database']
  includesSecrets: boolean
  tables: Record<string, number>
  rows: number
  mediaFiles: number
}

async function unpack(archive: string, staging: string): Promise<ArchiveManifest> {
  try {
    await tar.extract({
      file: archive,
      cwd: staging,
      strict: true,
      // Only the parts of an export, as plain files and folders; links and anything else are left.
      filter: (path, entry) =>
        ('type' in entry ? ['File', 'Directory'].includes(entry.type) : true) &&
        (path === MANIFEST_FILE ||
          path.startsWith(`${TABLES_FOLDER}/`) ||
          path.startsWith(`${MEDIA_FOLDER}/`)),
    })
  } catch (error) {
    throw new ArchiveError(`it is not a complete .tar.gz archive: ${(error as Error).message}`)
  }
  const text = await readFile(join(staging, MANIFEST_FILE), 'utf8').catch(() => {
    throw new ArchiveError(`it has no ${MANIFEST_FILE}: it is not a Masthead export`)
  })
  return parseArchiveManifest(text)
}

function checkTableList(manifest: ArchiveManifest): readonly ArchiveTable[] {
  const tables = archivedTables(manifest.includesSecrets)
  const listed = Object.keys(manifest.tables)
  const unknown = listed.filter((name) => !tables.some((table) => table.name === name))
  if (unknown.length > 0)
    throw new ArchiveError(
      `its manifest lists tables this import does not take: ${unknown.join(', ')}`,
    )
  const missing = tables.filter((table) => !(table.name in manifest.tables))
  if (missing.length > 0)
    throw new ArchiveError(
      `its manifest does not list the tables ${missing.map((table) => table.name).join(', ')}`,
    )
  return tables
}

/** Refuses a site that holds anything but what a first start writes (editions, settings). */
async function assertEmptySite(db: LooseDatabase): Promise<void> {
  const filled: string[] = []
  for (const table of ARCHIVE_TABLES) {
    if (table.isSetup) continue
    const row = await db.selectFrom(table.name).selectAll().limit(1).executeTakeFirst()
    if (row) filled.push(table.name)
  }
  if (filled.length > 0)
    throw new ArchiveError(
      `the site is not empty (it has ${filled.join(', ')}); import into a new database that was only migrated (masthead migrate)`,
    )
}

/** Writes one table's lines, checked one by one, in batches; returns the rows written. */
async function loadTable(
  db: LooseDatabase,
  table: ArchiveTable,
  staging: string,
  includesSecrets: boolean,
): Promise<number> {
  const file = `${TABLES_FOLDER}/${table.name}.jsonl`
  const path = join(staging, file)
  if (!existsSync(path)) throw new ArchiveError(`it has no ${file}`)
  const expected = archivedColumns(table, includesSecrets)
  const placeholders = includesSecrets
    ? {}
    : Object.fromEntries((table.secretColumns ?? []).map((c) => [c, SECRET_PLACEHOLDERS[c]]))
  const batchRows = Math.max(
    1,
    Math.floor(PARAMETERS_PER_INSERT / Object.keys(table.columns).length),
  )
  const selfReferences: [unknown, unknown][] = []
  let batch: Record<string, unknown>[] = []
  let count = 0
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  for await (const line of lines) {
    count += 1
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new ArchiveError(`${file} line ${count} is not JSON`)
    }
    const checked = checkArchiveRow(value, table.columns, expected)
    if ('problem' in checked) throw new ArchiveError(`${file} line ${count}: ${checked.problem}`)
    const row = { ...checked.row, ...placeholders }
    if (table.selfReference && row[table.selfReference] !== null) {
      selfReferences.push([row['id'], row[table.selfReference]])
      row[table.selfReference] = null
    }
    batch.push(row)
    if (batch.length >= batchRows) {
      await db.insertInto(table.name).values(batch).execute()
      batch = []
    }
  }
  if (batch.length > 0) await db.insertInto(table.name).values(batch).execute()
  const column = table.selfReference
  if (column)
    for (const [id, reference] of selfReferences)
      await db
        .updateTable(table.name)
        .set({ [column]: reference })
        .where('id', '=', id)
        .execute()
  return count
}

/**
 * Restores a `masthead export` archive into an empty site: unpacks it and checks the manifest and
 * every media file first, then writes every table in one transaction (each line checked against
 * its table; any fault rolls all back), rebuilds the bodies' reference rows and the search index
 * and moves the media files in.
 * Users come without passwords unless the archive includes secrets.
 */
export async function importSite(archive: string, target: ImportTarget): Promise<SiteImportReport> {
  if (!existsSync(archive)) throw new ArchiveError(`${archive} does not exist`)
  const staging = join(target.workFolder, `.import-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, { recursive: true })
  try {
    const manifest = await unpack(archive, staging)
    const tables = checkTableList(manifest)
    const mediaFolder = join(staging, MEDIA_FOLDER)
    const mediaFiles = await verifyArchiveMedia(mediaFolder)
    if (mediaFiles.length !== manifest.mediaFiles)
      throw new ArchiveError(
        `it holds ${mediaFiles.length} media files where its manifest lists ${manifest.mediaFiles}`,
      )
    const counts: Record<string, number> = {}
    await withTransaction(target.db, async (trx) => {
      const db = trx as unknown as LooseDatabase
      await assertEmptySite(db)
      for (const table of [...tables].reverse())
        if (table.isSetup) await db.deleteFrom(table.name).execute()
      for (const table of tables) {
        const count = await loadTable(db, table, staging, manifest.includesSecrets)
        if (count !== manifest.tables[table.name])
          throw new ArchiveError(
            `${TABLES_FOLDER}/${table.name}.jsonl holds ${count} rows where its manifest lists ${manifest.tables[table.name]}`,
          )
        counts[table.name] = count
      }
      await advanceIdSequences(
        trx,
        tables.filter((table) => table.columns['id'] === 'int').map((table) => table.name),
      )
      // Derived from the bodies, so not archived: made again like the search index.
      await rebuildArticleReferences(trx)
      await rebuildPageReferences(trx)
      await createSearchIndex({ db: trx }).rebuild()
      await recordSiteReplaced(
        trx,
        { action: 'site.import', details: { exportedAt: manifest.createdAt, tables: counts } },
        new Date(),
      )
      // Last, so a fault above leaves no files behind; files already there are the same bytes.
      await moveMediaInto(mediaFolder, mediaFiles, target.mediaFolder)
    })
    return {
      exportedAt: manifest.createdAt,
      exportedFrom: manifest.database,
      includesSecrets: manifest.includesSecrets,
      tables: counts,
      rows: Object.values(counts).reduce((sum, count) => sum + count, 0),
      mediaFiles: mediaFiles.length,
    }
  } finally {
    // A failed unpack may still be closing files: retry rather than hide its error behind ours.
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(
      () => undefined,
    )
  }
}
