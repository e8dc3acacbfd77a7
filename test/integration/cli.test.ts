import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/db/create-database.js'
import { MIGRATIONS } from '../../src/db/migrations/index.js'
import { verifyPassword } from '../../src/modules/users/password.js'
import { findUserCredentials } from '../../src/modules/users/user-queries.js'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/database.js'
import { runMasthead } from '../helpers/run-masthead.js'
import { createTestStore } from '../helpers/test-databases.js'

const folder = mkdtempSync(join(tmpdir(), 'masthead-cli-'))
const dataDir = join(folder, 'data')
const env = { MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' }

/** The audit log as `action entityType:entityId actorType`, oldest first. */
async function auditTrail(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('auditLog')
    .select(['action', 'entityType', 'entityId', 'actorType'])
    .orderBy('id')
    .execute()
  return rows.map((row) => `${row.action} ${row.entityType}:${row.entityId} ${row.actorType}`)
}

describe('the masthead command', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('lists its commands with help', async () => {
    const { code, stdout } = await runMasthead(['help'], env)
    expect(code).toBe(0)
    for (const name of ['start', 'migrate', 'demo', 'user', 'reindex'])
      expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
  })

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [
      { DATABASE_URL: 'mysql://localhost/news' },
      'DATABASE_URL must be empty (SQLite) or a postgres:// or postgresql:// URL',
    ],
    [
      { MASTHEAD_DATA_DIR: '/proc/masthead-data' },
      'MASTHEAD_DATA_DIR must be a writable directory path',
    ],
  ])('exits with status 2 and one line for a bad configuration %o', async (badEnv, message) => {
    const { code, stderr, stdout } = await runMasthead(['migrate'], { ...env, ...badEnv })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(`masthead: invalid configuration: ${message}`)
  })

  // Five real processes, two argon2 hashes: slow when the browser tests share the two cores.
  it(
    'migrates, adds a user, refuses a duplicate and resets the password',
    { timeout: 120_000 },
    async () => {
      expect((await runMasthead(['migrate'], env)).stdout).toMatch(
        `Applied ${Object.keys(MIGRATIONS).length} migration`,
      )
      expect((await runMasthead(['migrate'], env)).stdout).toMatch(/up to date/)
      const add = [
        'user',
        'add',
        '--email',
        'Desk@Example.org',
        '--password',
        'correct horse battery',
        '--role',
        'editor',
        '--name',
        'Desk Editor',
      ]
      const added = await runMasthead(add, env)
      expect(added).toMatchObject({ code: 0, stderr: '' })
      expect(added.stdout).toMatch(/Added editor desk@example.org/)
      const duplicate = await runMasthead(add, env)
      expect(duplicate.code).toBe(1)
      expect(duplicate.stderr.trim()).toBe(
        'masthead: a user with the email desk@example.org already exists',
      )
      const reset = await runMasthead(
        [
          'user',
          'reset-password',
          '--email',
          'desk@example.org',
          '--password',
          'a new long password',
        ],
        env,
      )
      expect(reset.code).toBe(0)

      const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') })
      const user = await findUserCredentials(store.db, { email: 'desk@example.org' })
      const trail = await auditTrail(store.db)
      await store.close()
      expect(user).toMatchObject({ name: 'Desk Editor', role: 'editor' })
      expect(trail).toEqual([
        `user.create user:${user?.id} system`,
        `user.reset_password user:${user?.id} system`,
      ])
      expect(await verifyPassword(user?.passwordHash ?? '', 'a new long password')).toBe(true)
      expect(await verifyPassword(user?.passwordHash ?? '', 'correct horse battery')).toBe(false)
    },
  )

  it(
    'adds a user on PostgreSQL with its audit entry, and refuses a duplicate leaving none',
    { timeout: 120_000 },
    async () => {
      const store = await createTestStore('postgres')
      try {
        if (store.databaseConfig.kind !== 'postgres') throw new Error('not PostgreSQL')
        const pgEnv = {
          ...env,
          MASTHEAD_DATA_DIR: join(folder, 'postgres'),
          DATABASE_URL: store.databaseConfig.url,
        }
        const add = (role: string) =>
          runMasthead(
            [
              'user',
              'add',
              '--email',
              'wire@example.org',
              '--password',
              'correct horse battery',
            ].concat(['--role', role]),
            pgEnv,
          )
        expect(await add('author')).toMatchObject({ code: 0, stderr: '' })
        expect((await add('editor')).code).toBe(1)
        const user = await findUserCredentials(store.db, { email: 'wire@example.org' })
        expect(user).toMatchObject({ role: 'author' })
        expect(await auditTrail(store.db)).toEqual([`user.create user:${user?.id} system`])
      } finally {
        await store.dispose()
      }
    },
  )

  it(
    'rebuilds the search index with a progress line per tenth when output is not a terminal',
    { timeout: 120_000 },
    async () => {
      const demoEnv = { ...env, MASTHEAD_DATA_DIR: join(folder, 'reindex') }
      expect((await runMasthead(['demo'], demoEnv)).code).toBe(0)
      const { code, stdout } = await runMasthead(['reindex'], demoEnv)
      expect(code).toBe(0)
      const lines = stdout.trim().split('\n')
      expect(lines.at(-2)).toMatch(/^Indexed (\d+) of \1 articles \(100%\)$/)
      expect(lines.at(-1)).toMatch(
        /^Rebuilt the search index on sqlite: \d+ articles in [\d.]+ s\.$/,
      )
      expect((await runMasthead(['reindex', '--all', 'yes'], demoEnv)).code).toBe(2)
    },
  )

  it(
    'explains usage mistakes with exit status 2 and changes nothing',
    { timeout: 120_000 },
    async () => {
      const badRole = await runMasthead(
        [
          'user',
          'add',
          '--email',
          'x@example.org',
          '--password',
          'long enough pass',
          '--role',
          'chief',
        ],
        env,
      )
      expect(badRole).toMatchObject({ code: 2 })
      expect(badRole.stderr.trim()).toBe(
        'masthead: --role must be one of contributor, author, editor, admin',
      )
      const shortPassword = await runMasthead(
        ['user', 'add', '--email', 'x@example.org', '--password', 'short', '--role', 'admin'],
        env,
      )
      expect(shortPassword.code).toBe(2)
      const unknown = await runMasthead(['publish-everything'], env)
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain('unknown command "publish-everything"')
      const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') })
      expect(await findUserCredentials(store.db, { email: 'x@example.org' })).toBeUndefined()
      await store.close()
    },
  )

  it(
    'refuses to start on a database migrated by a newer version',
    { timeout: 120_000 },
    async () => {
      const newerDir = join(folder, 'newer')
      expect((await runMasthead(['migrate'], { ...env, MASTHEAD_DATA_DIR: newerDir })).code).toBe(0)
      const store = await openStore({ kind: 'sqlite', file: join(newerDir, 'masthead.sqlite') })
      await store.db
        .insertInto('kysely_migration' as never)
        .values({ name: '29990101T0000-future', timestamp: '2999-01-01' })
        .execute()
      await store.close()
      writeFileSync(join(newerDir, 'marker'), '')
      const result = await runMasthead(['start'], {
        ...env,
        MASTHEAD_DATA_DIR: newerDir,
        PORT: '3990',
      })
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(
        'masthead: The database was migrated by a newer version of Masthead (migration 29990101T0000-future); run that version or a later one.',
      )
    },
  )
})
