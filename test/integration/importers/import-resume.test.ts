import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { openStore } from '../../../src/db/create-database.js'
import { runMasthead } from '../../helpers/run-masthead.js'
import { THEME_UNIT_TEST } from '../../helpers/wordpress-import-harness.js'

const BIN = fileURLToPath(new URL('../../../bin/masthead.js', import.meta.url))

/** Starts an import and kills it (SIGKILL) a moment after it has begun writing. */
function importAndKill(env: NodeJS.ProcessEnv, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', 'wordpress', THEME_UNIT_TEST], {
      env: { PATH: process.env['PATH'], MASTHEAD_LOG_LEVEL: 'silent', ...env },
    })
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      if (!timer && chunk.toString().includes('Checking the file'))
        timer = setTimeout(() => child.kill('SIGKILL'), afterMs)
    })
    child.on('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

it('resumes after being killed: every post once, none half written', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-resume-'))
  const env = { MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' }
  await importAndKill(env, 1500)
  const finished = await runMasthead(['import', 'wordpress', THEME_UNIT_TEST], env)
  expect(finished.stderr).toBe('')
  expect(finished.code).toBe(0)
  const store = await openStore({ kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') })
  try {
    const articles = await store.db.selectFrom('articles').select(['id', 'bodyHtml']).execute()
    expect(articles).toHaveLength(58)
    const records = await store.db
      .selectFrom('importRecords')
      .select('entityId')
      .where('kind', '=', 'article')
      .execute()
    expect(new Set(records.map((record) => record.entityId)).size).toBe(58)
    const indexed = await store.db.selectFrom('searchDocuments').select('articleId').execute()
    expect(indexed).toHaveLength(58)
  } finally {
    await store.close()
  }
}, 180_000)
