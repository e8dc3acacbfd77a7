import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load-config.js'
import { openStore, type Store } from '../../src/db/create-database.js'
import type { Database } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { createContactMessage } from '../../src/modules/contact/contact-queries.js'
import { loadPreviewSigningKey } from '../../src/modules/editorial/preview-links.js'
import { listFiles } from '../../src/modules/backup/sqlite-backup.js'
import {
  ARCHIVE_TABLES,
  SECRET_PLACEHOLDERS,
} from '../../src/modules/site-archive/archive-tables.js'
import { ArchiveError } from '../../src/modules/site-archive/archive-error.js'
import type { LooseDatabase } from '../../src/modules/site-archive/export-site.js'
import { importSite } from '../../src/modules/site-archive/import-site.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../src/platform/storage/local-media-storage.js'
import { EXPECTED_COLUMNS } from '../helpers/expected-columns.js'
import { buildEditions, buildSection, TEST_NOW } from '../helpers/factories.js'
import { runMasthead } from '../helpers/run-masthead.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

const newDataDir = () => mkdtempSync(join(tmpdir(), 'masthead-export-'))
const sqliteEnv = (dataDir: string) => ({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
const postgresEnv = (dataDir: string, store: TestStore) => ({
  ...sqliteEnv(dataDir),
  DATABASE_URL: store.databaseConfig.kind === 'postgres' ? store.databaseConfig.url : '',
})
const sqliteFileOf = (dataDir: string) => {
  const { database } = loadConfig(sqliteEnv(dataDir))
  if (database.kind !== 'sqlite') throw new Error('expected SQLite')
  return database.file
}
const openSqliteSite = (dataDir: string) =>
  openStore({ kind: 'sqlite', file: sqliteFileOf(dataDir) })
const NOW = TEST_NOW.toISOString()

type Dump = Record<string, Record<string, unknown>[]>

/**
 * Every row of every archived table and of the tables rebuilt on import (the search index, the
 * bodies' references), in primary-key order; JSON columns parsed when comparing across databases
 * (PostgreSQL's jsonb keeps no spacing or key order).
 */
async function dumpSite(db: Kysely<Database>, options: { parseJson: boolean }): Promise<Dump> {
  const loose = db as unknown as LooseDatabase
  const tables = [
    ...ARCHIVE_TABLES,
    { name: 'searchDocuments', key: ['articleId'], columns: EXPECTED_COLUMNS.searchDocuments },
    {
      name: 'articleReferences',
      key: ['articleId', 'position'],
      columns: EXPECTED_COLUMNS.articleReferences,
    },
    {
      name: 'pageReferences',
      key: ['pageId', 'position'],
      columns: EXPECTED_COLUMNS.pageReferences,
    },
  ]
  const dump: Dump = {}
  for (const table of tables) {
    const rows = (await loose.selectFrom(table.name).selectAll().execute()).filter(
      // An import notes itself in the audit log of the site it fills; the rest is the same.
      (row) => !(table.name === 'auditLog' && row['action'] === 'site.import'),
    )
    const keyOf = (row: Record<string, unknown>) => JSON.stringify(table.key.map((k) => row[k]))
    dump[table.name] = rows
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))
      .map((row) =>
        Object.fromEntries(
          Object.keys(table.columns).map((column) => {
            const value = row[column]
            const isJson = String((table.columns as Record<string, unknown>)[column]).startsWith(
              'json',
            )
            if (options.parseJson && isJson && typeof value === 'string')
              return [column, JSON.parse(value)]
            // The index joins names in the order the database lists a JSON object's languages.
            if (options.parseJson && column === 'keywords' && typeof value === 'string')
              return [column, value.split(' ').sort()]
            return [column, value]
          }),
        ),
      )
  }
  return dump
}

/** What a site restored from an archive without secrets holds: the same, minus the secrets. */
function withoutSecrets(dump: Dump): Dump {
  return {
    ...dump,
    users: (dump['users'] ?? []).map((row) => ({ ...row, ...SECRET_PLACEHOLDERS })),
    settings: (dump['settings'] ?? []).filter((row) => row['key'] !== 'previewSigningKey'),
    apiTokens: [],
    webhooks: [],
  }
}

async function mediaDigest(dataDir: string): Promise<Record<string, string>> {
  const folder = mediaFolderOf(dataDir)
  return Object.fromEntries(
    (await listFiles(folder)).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(folder, file)))
        .digest('hex'),
    ]),
  )
}

/** The demo newsroom plus a row in every other table an archive holds, and some it leaves out. */
async function populate(db: Kysely<Database>, dataDir: string): Promise<void> {
  await buildEditions(db)
  await loadDemoContent(db, createLocalMediaStorage(mediaFolderOf(dataDir)), TEST_NOW)
  const stamps = { createdAt: NOW, updatedAt: NOW }
  const user = await db
    .insertInto('users')
    .values({
      email: 'editor@example.org',
      name: 'محررة',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
      role: 'editor',
      totpSecret: 'JBSWY3DPEHPK3PXP',
      totpPendingSecret: 'KRSXG5CTMVRXEZLU',
      uiLanguage: 'ar',
      lastLoginAt: NOW,
      ...stamps,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('users')
    .values({
      email: 'gone@example.org',
      name: 'Gone',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0$b3RoZXJoYXNo',
      role: 'author',
      disabledAt: NOW,
      ...stamps,
    })
    .execute()
  const media = await db.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow()
  const article = await db
    .selectFrom('articles')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  // Not the demo's live story: it has a pinned entry already, and this one gets one.
  const otherArticle = await db
    .selectFrom('articles')
    .select('id')
    .where('type', '!=', 'live')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('authors')
    .set({ userId: user.id, avatarMediaId: media.id })
    .where('id', '=', (eb) => eb.selectFrom('authors').select((e) => e.fn.min('id').as('id')))
    .execute()
  await db
    .updateTable('articles')
    .set({ createdBy: user.id, updatedBy: user.id })
    .where('id', '=', article.id)
    .execute()
  const revision = await db
    .insertInto('articleRevisions')
    .values({
      articleId: article.id,
      number: 1,
      userId: user.id,
      kind: 'save',
      snapshot: JSON.stringify({ headline: 'Erste Fassung', tags: ['a', 'b'] }),
      changedFields: '["headline"]',
      createdAt: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('articles')
    .set({ type: 'live', coverageState: 'ended', coverageStartedAt: NOW, coverageEndedAt: NOW })
    .where('id', '=', otherArticle.id)
    .execute()
  await db
    .insertInto('liveEntries')
    .values({
      articleId: otherArticle.id,
      authorUserId: user.id,
      title: 'Zwischenstand',
      bodyDoc: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] }),
      bodyHtml: '<p>Zwischenstand</p>',
      isKeyEvent: 1,
      isPinned: 1,
      createdAt: NOW,
      editedAt: NOW,
      deletedAt: null,
    })
    .execute()
  await db
    .insertInto('articleNotices')
    .values({
      articleId: article.id,
      kind: 'correction',
      text: 'An earlier version misspelt a name.',
      revisionId: revision.id,
      createdAt: NOW,
    })
    .execute()
  await db
    .insertInto('articleRelations')
    .values({ articleId: article.id, relatedArticleId: otherArticle.id, position: 9 })
    .onConflict((conflict) => conflict.doNothing())
    .execute()
  // A section whose parent was made after it: rows cannot simply go back in id order.
  const child = await buildSection(db)
  const parent = await buildSection(db)
  await db.updateTable('sections').set({ parentId: parent }).where('id', '=', child).execute()
  await db
    .insertInto('redirects')
    .values({ fromPath: '/old/path', toPath: '/en/new', statusCode: 301, createdAt: NOW })
    .execute()
  await createContactMessage(
    db,
    {
      language: 'ar',
      name: 'قارئ',
      email: 'reader@example.org',
      subject: 'سؤال',
      message: 'مرحبا',
    },
    TEST_NOW,
  )
  await db
    .insertInto('auditLog')
    .values({
      actorType: 'user',
      actorId: user.id,
      action: 'article.publish',
      entityType: 'article',
      entityId: String(article.id),
      details: '{"from": "draft", "to": "published"}',
      createdAt: NOW,
    })
    .execute()
  await db
    .insertInto('importRecords')
    .values({
      origin: 'wordpress',
      kind: 'article',
      externalId: 'https://old.example#42',
      guid: 'https://old.example/?p=42',
      entityId: article.id,
      remoteUrl: null,
      ...stamps,
    })
    .execute()
  await db
    .insertInto('apiTokens')
    .values({
      name: 'Wire desk',
      tokenHash: 'a'.repeat(64),
      scopes: '["articles:write"]',
      createdBy: user.id,
      createdAt: NOW,
    })
    .execute()
  await db
    .insertInto('webhooks')
    .values({
      url: 'https://hooks.example/masthead',
      events: '["article.published"]',
      secret: 'whsec_0123456789',
      isActive: 1,
      createdBy: user.id,
      createdAt: NOW,
    })
    .execute()
  const agency = await db.selectFrom('sources').select('id').orderBy('id').executeTakeFirstOrThrow()
  const feed = await db
    .insertInto('wireFeeds')
    .values({
      sourceId: agency.id,
      name: 'Agency world service',
      url: 'https://agency.example/world.rss',
      folder: null,
      format: 'rss',
      language: 'en',
      pollIntervalSeconds: 300,
      etag: '"feed-1"',
      lastModified: null,
      nextPollAt: NOW,
      claimedUntil: null,
      lastPolledAt: NOW,
      lastSuccessAt: NOW,
      lastError: null,
      ...stamps,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('wireItems')
    .values({
      sourceId: agency.id,
      feedId: feed.id,
      guid: 'https://agency.example/stories/1',
      language: 'en',
      headline: 'Port reopens after repairs',
      summary: 'Ships return to the harbour.',
      bodyDoc: '{"type":"doc","content":[]}',
      link: 'https://agency.example/stories/1',
      byline: null,
      publishedAt: NOW,
      status: 'used',
      usedBy: user.id,
      usedAt: NOW,
      articleId: article.id,
      receivedAt: NOW,
      updatedAt: NOW,
    })
    .execute()
  await loadPreviewSigningKey(db, TEST_NOW)
  // Left out of archives on purpose: a sign-in and a queued job.
  await db
    .insertInto('sessions')
    .values({
      id: 'b'.repeat(64),
      userId: user.id,
      csrfToken: 'csrf',
      createdAt: NOW,
      lastSeenAt: NOW,
      expiresAt: NOW,
    })
    .execute()
  await db
    .insertInto('jobs')
    .values({
      kind: 'media.variants',
      payload: '{}',
      status: 'queued',
      runAt: NOW,
      attempts: 0,
      maxAttempts: 3,
      ...stamps,
    })
    .execute()
}

function expectSuccess(result: { code: number; stderr: string }) {
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
}

let sourceDir: string
let source: Store
let sourceDump: Dump
let plainArchive: string
let secretArchive: string
const disposables: (() => Promise<void>)[] = []

beforeAll(async () => {
  sourceDir = newDataDir()
  source = await openSqliteSite(sourceDir)
  await migrateToLatest(source.db)
  await populate(source.db, sourceDir)
  sourceDump = await dumpSite(source.db, { parseJson: false })
  const work = newDataDir()
  plainArchive = join(work, 'site.tar.gz')
  secretArchive = join(work, 'site-with-secrets.tar.gz')
  const exported = await runMasthead(['export', plainArchive], sqliteEnv(sourceDir))
  expectSuccess(exported)
  expect(exported.stdout).toMatch(/Exported \d+ rows of \d+ tables and \d+ media files from sqlite/)
  expect(exported.stdout).toContain('--include-secrets')
  expectSuccess(
    await runMasthead(['export', secretArchive, '--include-secrets'], sqliteEnv(sourceDir)),
  )
}, 300_000)

afterAll(async () => {
  await source?.close()
  for (const dispose of disposables) await dispose()
})

describe('masthead export and import masthead', () => {
  it('archives a row of every archived table, and none of the tables it leaves out', async () => {
    const unpacked = newDataDir()
    await tar.extract({ file: secretArchive, cwd: unpacked })
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as {
      format: string
      schemaVersion: string
      tables: Record<string, number>
      mediaFiles: number
    }
    expect(manifest.format).toBe('masthead-export/1')
    expect(manifest.schemaVersion).toMatch(/^\d{8}T\d{4}-/)
    expect(Object.keys(manifest.tables).sort()).toEqual(
      ARCHIVE_TABLES.map((table) => table.name).sort(),
    )
    for (const [table, rows] of Object.entries(manifest.tables)) {
      expect(rows, table).toBeGreaterThan(0)
      expect(rows, table).toBe(sourceDump[table]?.length)
    }
    expect(manifest.mediaFiles).toBeGreaterThan(0)
    const users = readFileSync(join(unpacked, 'tables', 'users.jsonl'), 'utf8')
    expect(users).toContain('$argon2id$')
    rmSync(unpacked, { recursive: true })
  })

  it('leaves out password hashes, two-factor secrets, tokens and webhooks unless asked', async () => {
    const unpacked = newDataDir()
    await tar.extract({ file: plainArchive, cwd: unpacked })
    const users = readFileSync(join(unpacked, 'tables', 'users.jsonl'), 'utf8')
    expect(users).toContain('editor@example.org')
    expect(users).not.toMatch(/argon2|passwordHash|totp|JBSWY3DPEHPK3PXP/)
    const settings = readFileSync(join(unpacked, 'tables', 'settings.jsonl'), 'utf8')
    expect(settings).not.toContain('previewSigningKey')
    const files = await listFiles(join(unpacked, 'tables'))
    expect(files).not.toContain('apiTokens.jsonl')
    expect(files).not.toContain('webhooks.jsonl')
    expect(files).not.toContain('sessions.jsonl')
    rmSync(unpacked, { recursive: true })
  })

  it('restores into a new SQLite site every row exactly and every media file, without secrets', async () => {
    const targetDir = newDataDir()
    const imported = await runMasthead(['import', 'masthead', plainArchive], sqliteEnv(targetDir))
    expectSuccess(imported)
    expect(imported.stdout).toContain('user reset-password')
    const target = await openSqliteSite(targetDir)
    try {
      const copy = await dumpSite(target.db, { parseJson: false })
      expect(sourceDump['articleReferences']?.length).toBeGreaterThan(0)
      expect(copy).toEqual(withoutSecrets(sourceDump))
      expect(await target.db.selectFrom('sessions').selectAll().execute()).toEqual([])
      expect(await target.db.selectFrom('jobs').selectAll().execute()).toEqual([])
    } finally {
      await target.close()
    }
    const media = await mediaDigest(targetDir)
    expect(Object.keys(media).length).toBeGreaterThan(0)
    expect(media).toEqual(await mediaDigest(sourceDir))
  }, 120_000)

  it('carries a site from SQLite to PostgreSQL and back to SQLite with secrets, row for row', async () => {
    const postgres = await createTestStore('postgres')
    disposables.push(() => postgres.dispose())
    const postgresDir = newDataDir()
    expectSuccess(
      await runMasthead(['import', 'masthead', secretArchive], postgresEnv(postgresDir, postgres)),
    )
    const expected = await dumpSite(source.db, { parseJson: true })
    expect(await dumpSite(postgres.db, { parseJson: true })).toEqual(expected)
    expect(await mediaDigest(postgresDir)).toEqual(await mediaDigest(sourceDir))

    const backArchive = join(newDataDir(), 'from-postgres.tar.gz')
    const exported = await runMasthead(
      ['export', backArchive, '--include-secrets'],
      postgresEnv(postgresDir, postgres),
    )
    expectSuccess(exported)
    expect(exported.stdout).toContain('from postgres')
    const backDir = newDataDir()
    expectSuccess(await runMasthead(['import', 'masthead', backArchive], sqliteEnv(backDir)))
    const back = await openSqliteSite(backDir)
    try {
      expect(await dumpSite(back.db, { parseJson: true })).toEqual(expected)
    } finally {
      await back.close()
    }
    expect(await mediaDigest(backDir)).toEqual(await mediaDigest(sourceDir))

    // New rows after the import get new ids: PostgreSQL's sequences were moved past the old ones.
    const redirect = await postgres.db
      .insertInto('redirects')
      .values({ fromPath: '/after-import', toPath: '/en/', statusCode: 301, createdAt: NOW })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(redirect.id).toBeGreaterThan(
      Math.max(...expected['redirects']!.map((r) => Number(r['id']))),
    )
  }, 360_000)

  it('refuses a site that already has content, and changes nothing', async () => {
    const targetDir = newDataDir()
    expectSuccess(await runMasthead(['import', 'masthead', plainArchive], sqliteEnv(targetDir)))
    const target = await openSqliteSite(targetDir)
    try {
      const before = await dumpSite(target.db, { parseJson: false })
      const again = await runMasthead(['import', 'masthead', plainArchive], sqliteEnv(targetDir))
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(
        /the site is not empty \(it has users, media, .*masthead migrate/,
      )
      expect(await dumpSite(target.db, { parseJson: false })).toEqual(before)
    } finally {
      await target.close()
    }
  }, 240_000)
})

/** A copy of the plain archive changed by `edit` inside its unpacked folder. */
async function alteredArchive(name: string, edit: (folder: string) => void): Promise<string> {
  const folder = newDataDir()
  await tar.extract({ file: plainArchive, cwd: folder })
  edit(folder)
  const file = join(newDataDir(), name)
  await tar.create({ file, cwd: folder, gzip: true }, ['manifest.json', 'tables', 'media'])
  return file
}

function editManifest(folder: string, change: (manifest: Record<string, unknown>) => void) {
  const path = join(folder, 'manifest.json')
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  change(manifest)
  writeFileSync(path, JSON.stringify(manifest))
}

/** Rewrites a table's lines; a line changed to undefined is removed. */
function editLine(
  folder: string,
  table: string,
  change: (line: string, index: number) => string | undefined,
) {
  const path = join(folder, 'tables', `${table}.jsonl`)
  const lines = readFileSync(path, 'utf8').split('\n')
  const changed = lines.map((line, index) => (line ? change(line, index) : line))
  writeFileSync(path, changed.filter((line) => line !== undefined).join('\n'))
}

describe('masthead import masthead with bad input', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'a truncated archive',
      () => {
        const file = join(newDataDir(), 'truncated.tar.gz')
        const bytes = readFileSync(plainArchive)
        writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
        return Promise.resolve(file)
      },
      /not a complete \.tar\.gz archive/,
    ],
    [
      'another format version',
      () =>
        alteredArchive('v2.tar.gz', (folder) =>
          editManifest(folder, (manifest) => (manifest['format'] = 'masthead-export/2')),
        ),
      /its format is masthead-export\/2; this Masthead reads masthead-export\/1/,
    ],
    [
      'a newer schema',
      () =>
        alteredArchive('newer.tar.gz', (folder) =>
          editManifest(folder, (manifest) => {
            manifest['schemaVersion'] = '29991231T2359-from-the-future'
            ;(manifest['migrations'] as string[]).push('29991231T2359-from-the-future')
          }),
        ),
      /exported from a newer Masthead .*29991231T2359-from-the-future.*upgrade/,
    ],
    [
      'a row of the wrong shape in a late table',
      () =>
        alteredArchive('shape.tar.gz', (folder) =>
          editLine(folder, 'articles', (line, index) =>
            index === 2 ? line.replace(/"headline":"[^"]*"/, '"headline":42') : line,
          ),
        ),
      /tables\/articles\.jsonl line 3: column headline must be a string, not number 42/,
    ],
    [
      'a line that is not JSON',
      () =>
        alteredArchive('broken-line.tar.gz', (folder) =>
          editLine(folder, 'pages', (line, index) => (index === 0 ? line.slice(0, 20) : line)),
        ),
      /tables\/pages\.jsonl line 1 is not JSON/,
    ],
    [
      'a table with fewer rows than its manifest lists',
      () =>
        alteredArchive('short.tar.gz', (folder) =>
          editLine(folder, 'tags', (line, index) => (index === 0 ? undefined : line)),
        ),
      /tables\/tags\.jsonl holds \d+ rows where its manifest lists \d+/,
    ],
    [
      'a damaged media file',
      () =>
        alteredArchive('media.tar.gz', (folder) => {
          const first = readFileSync(join(folder, 'tables', 'media.jsonl'), 'utf8')
          const key = (JSON.parse(first.split('\n')[0] ?? '{}') as { storageKey: string })
            .storageKey
          writeFileSync(join(folder, 'media', key), 'tampered')
        }),
      /its media file .* is damaged/,
    ],
  ]

  it.each(cases)(
    'names what is wrong with %s and leaves the site unchanged',
    async (_, make, message) => {
      const archive = await make()
      const targetDir = newDataDir()
      const target = await openSqliteSite(targetDir)
      try {
        await migrateToLatest(target.db)
        await buildEditions(target.db)
        const before = await dumpSite(target.db, { parseJson: false })
        const failure = await importSite(archive, {
          db: target.db,
          mediaFolder: mediaFolderOf(targetDir),
          workFolder: targetDir,
        }).catch((error: unknown) => error)
        expect(failure).toBeInstanceOf(ArchiveError)
        expect((failure as Error).message).toMatch(message)
        expect(await dumpSite(target.db, { parseJson: false })).toEqual(before)
        expect(await listFiles(mediaFolderOf(targetDir))).toEqual([])
        expect(readdirSync(targetDir).filter((name) => name.startsWith('.import'))).toEqual([])
      } finally {
        await target.close()
      }
    },
    60_000,
  )

  it('exits non-zero with one line naming the problem', async () => {
    const archive = await cases[3]![1]()
    const result = await runMasthead(['import', 'masthead', archive], sqliteEnv(newDataDir()))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^masthead: cannot import .*articles\.jsonl line 3: column headline/,
    )
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  }, 120_000)
})
