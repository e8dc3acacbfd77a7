import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load-config.js'
import { openStore, type Store } from '../../src/db/create-database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { listFiles } from '../../src/modules/backup/sqlite-backup.js'
import { restoreSqlite } from '../../src/modules/backup/sqlite-restore.js'
import { createContactMessage } from '../../src/modules/contact/contact-queries.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { buildEditions, TEST_NOW } from '../helpers/factories.js'
import { runMasthead } from '../helpers/run-masthead.js'

/** Every row of every table, sorted: two databases with equal dumps hold the same data. */
function dumpTables(databaseFile: string): Record<string, unknown[]> {
  const db = new Sqlite(databaseFile, { readonly: true })
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all() as { name: string }[]
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare(`select * from "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    )
  } finally {
    db.close()
  }
}

/**
 * A dump without what `masthead restore` adds to the site it restores: its audit entry and the
 * outbox events that tell a running site (those tables belong to the running site, not the data).
 */
function withoutRestoreNote(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  // The sequences move with the entry and the events.
  const { events: _events, event_consumers: _consumers, sqlite_sequence: _ids, ...rest } = dump
  return {
    ...rest,
    audit_log: (dump['audit_log'] ?? []).filter(
      (row) => (JSON.parse(String(row)) as { action: string }).action !== 'site.restore',
    ),
  }
}

/** Each media file of a site with the SHA-256 of its bytes. */
async function mediaDigest(dataDir: string): Promise<Record<string, string>> {
  const folder = mediaFolderOf(dataDir)
  const files = await listFiles(folder)
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(folder, file)))
        .digest('hex'),
    ]),
  )
}

const newDataDir = () => mkdtempSync(join(tmpdir(), 'masthead-backup-'))
const envOf = (dataDir: string) => ({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
const databaseFileOf = (dataDir: string) => {
  const { database } = loadConfig(envOf(dataDir))
  if (database.kind !== 'sqlite') throw new Error('expected SQLite')
  return database.file
}

let sourceDir: string
let store: Store
let archive: string
/** Messages the site acknowledged before the backup started, and all it wrote by the end. */
let acknowledgedBeforeBackup: number[]
let writtenDuringBackup: number[]

beforeAll(async () => {
  sourceDir = newDataDir()
  store = await openStore({ kind: 'sqlite', file: databaseFileOf(sourceDir) })
  await migrateToLatest(store.db)
  await buildEditions(store.db)
  await loadDemoContent(store.db, createLocalMediaStorage(mediaFolderOf(sourceDir)), TEST_NOW)
  const writeMessage = (index: number) =>
    createContactMessage(
      store.db,
      {
        language: 'en',
        name: `Reader ${index}`,
        email: `reader${index}@example.org`,
        subject: 'Backup',
        message: `Letter number ${index}`,
      },
      TEST_NOW,
    )
  acknowledgedBeforeBackup = []
  for (let index = 0; index < 5; index += 1)
    acknowledgedBeforeBackup.push(await writeMessage(index))

  // The backup runs in another process while this one keeps writing: the site stays online.
  archive = join(newDataDir(), 'site-backup.tar.gz')
  writtenDuringBackup = []
  let backupDone = false
  const backup = runMasthead(['backup', archive], envOf(sourceDir)).finally(() => {
    backupDone = true
  })
  for (let index = 5; !backupDone && index < 5000; index += 1) {
    writtenDuringBackup.push(await writeMessage(index))
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  const result = await backup
  // The site really kept writing while the copy was taken.
  expect(writtenDuringBackup.length).toBeGreaterThan(0)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/Backed up the database \([\d.]+ MB\) and \d+ media files/)
}, 120_000)

afterAll(async () => {
  await store?.close()
})

describe('masthead backup and restore (SQLite)', () => {
  it('restores into an empty site exactly the data and media of one moment', async () => {
    const targetDir = newDataDir()
    const restored = await runMasthead(['restore', archive], envOf(targetDir))
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)

    const source = withoutRestoreNote(dumpTables(databaseFileOf(sourceDir)))
    const restoredTables = dumpTables(databaseFileOf(targetDir))
    const copy = withoutRestoreNote(restoredTables)
    expect(Object.keys(copy)).toEqual(Object.keys(source))
    const notes = (restoredTables['audit_log'] ?? []).filter((row) =>
      String(row).includes('"site.restore"'),
    )
    expect(notes).toHaveLength(1)
    expect(restoredTables['events']?.some((row) => String(row).includes('"settings"'))).toBe(true)
    for (const table of Object.keys(source)) {
      if (table === 'contact_messages' || table === 'sqlite_sequence') continue
      expect(copy[table], table).toEqual(source[table])
    }
    // The letters written while the backup ran: the copy holds a prefix of them, never a gap.
    const copiedIds = (copy['contact_messages'] ?? [])
      .map((row) => (JSON.parse(String(row)) as { id: number }).id)
      .sort((a, b) => a - b)
    expect(copiedIds.slice(0, 5)).toEqual(acknowledgedBeforeBackup)
    expect(copiedIds).toEqual(
      [...acknowledgedBeforeBackup, ...writtenDuringBackup].slice(0, copiedIds.length),
    )

    const restoredMedia = await mediaDigest(targetDir)
    expect(Object.keys(restoredMedia).length).toBeGreaterThan(0)
    expect(restoredMedia).toEqual(await mediaDigest(sourceDir))
  })

  it('refuses to overwrite a site that has content, and replaces it (keeping it) with --force', async () => {
    const targetDir = newDataDir()
    const target = {
      databaseFile: databaseFileOf(targetDir),
      mediaFolder: mediaFolderOf(targetDir),
      workFolder: targetDir,
    }
    await restoreSqlite(archive, target)
    const before = dumpTables(target.databaseFile)

    await expect(restoreSqlite(archive, target)).rejects.toThrow(
      /already holds \d+ articles and \d+ users; .*--force/,
    )
    expect(dumpTables(target.databaseFile)).toEqual(before)

    const forced = await runMasthead(['restore', archive, '--force'], envOf(targetDir))
    expect(forced.code).toBe(0)
    const kept = /kept at (\S+)\.$/.exec(forced.stdout.trim())?.[1] ?? ''
    expect(existsSync(kept)).toBe(true)
    expect(dumpTables(kept)).toEqual(before)
    expect(withoutRestoreNote(dumpTables(target.databaseFile))).toEqual(withoutRestoreNote(before))
  }, 120_000)

  it('names what is wrong with a bad archive and leaves the site untouched', async () => {
    const work = newDataDir()
    const notAnArchive = join(work, 'random.tar')
    writeFileSync(notAnArchive, Buffer.from('this is not a tar file at all, only some words'))

    // A real archive whose media file was altered after the backup.
    const unpacked = join(work, 'unpacked')
    mkdirSync(unpacked)
    await tar.extract({ file: archive, cwd: unpacked })
    const [firstMedia = ''] = await listFiles(join(unpacked, 'media'))
    writeFileSync(join(unpacked, 'media', firstMedia), Buffer.from('tampered'))
    const tampered = join(work, 'tampered.tar')
    await tar.create({ file: tampered, cwd: unpacked }, [
      'manifest.json',
      'database.sqlite',
      'media',
    ])
    const noManifest = join(work, 'no-manifest.tar')
    await tar.create({ file: noManifest, cwd: unpacked }, ['database.sqlite'])
    const fromNewerVersion = join(work, 'newer.tar')
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as {
      migrations: string[]
    }
    manifest.migrations.push('29991231T2359-from-the-future')
    writeFileSync(join(unpacked, 'manifest.json'), JSON.stringify(manifest))
    await tar.create({ file: fromNewerVersion, cwd: unpacked }, ['manifest.json'])

    const targetDir = newDataDir()
    const target = {
      databaseFile: databaseFileOf(targetDir),
      mediaFolder: mediaFolderOf(targetDir),
      workFolder: targetDir,
    }
    const cases = [
      [notAnArchive, /it (is not a readable archive|has no manifest)/],
      [tampered, /media file .* is damaged/],
      [noManifest, /has no manifest.json/],
      [fromNewerVersion, /made by a newer Masthead .*29991231T2359-from-the-future/],
      [join(work, 'missing.tar'), /does not exist/],
    ] as const
    for (const [file, message] of cases) {
      await expect(restoreSqlite(file, target), file).rejects.toThrow(message)
      expect(existsSync(target.databaseFile), file).toBe(false)
      expect(await listFiles(target.mediaFolder)).toEqual([])
    }
    // On the command line: one sentence naming the archive, and a failing exit status.
    const result = await runMasthead(['restore', tampered], envOf(targetDir))
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^masthead: cannot restore .*tampered\.tar: .* damaged/)
  }, 120_000)

  it('explains the PostgreSQL procedure instead of backing up a database it cannot copy', async () => {
    const result = await runMasthead(['backup', join(newDataDir(), 'x.tar')], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('pg_dump')
  })
})
