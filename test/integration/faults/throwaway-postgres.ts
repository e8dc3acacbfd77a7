import { execFile } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './masthead-process.js'

const run = promisify(execFile)

/** Debian's PostgreSQL programs, the newest version installed. */
function binaries(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  if (!versions[0]) throw new Error('no PostgreSQL under /usr/lib/postgresql')
  return join('/usr/lib/postgresql', versions[0], 'bin')
}

export interface ThrowawayPostgres {
  url: string
  /** Stops the server at once (`pg_ctl stop -m immediate`): connections are cut, no checkpoint. */
  stopImmediately(): Promise<void>
  /** Starts it again and resolves when pg_ctl reports it ready to take connections. */
  start(): Promise<void>
  dispose(): Promise<void>
}

/**
 * A PostgreSQL cluster of the test's own in a temporary folder, on a free port, so that it can be
 * stopped and started without touching the machine's shared server. PostgreSQL refuses to run as
 * root: as root, its programs run as the `postgres` account.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binaries()
  const folder = mkdtempSync(join(tmpdir(), 'masthead-pg-'))
  const dataDir = join(folder, 'data')
  const port = await freePort()
  const isRoot = userInfo().uid === 0
  if (isRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: group } = await run('id', ['-g', 'postgres'])
    chownSync(folder, Number(stdout.trim()), Number(group.trim()))
  }
  chmodSync(folder, 0o700)
  const asPostgres = (program: string, args: string[]) =>
    isRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { timeout: 120_000 })
      : run(join(bin, program), args, { timeout: 120_000 })
  await asPostgres('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
  ])
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`
  const start = async () => {
    // -w: returns once the server accepts connections.
    await asPostgres('pg_ctl', [
      'start',
      '-w',
      '-t',
      '120',
      '-D',
      dataDir,
      '-l',
      join(folder, 'log'),
      '-o',
      options,
    ])
  }
  await start()
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query('create database masthead')
  await admin.end()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/masthead`,
    async stopImmediately() {
      await asPostgres('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', dataDir])
    },
    start,
    async dispose() {
      await asPostgres('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', dataDir]).catch(
        () => undefined,
      )
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
