import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { importGhost } from '../../../src/importers/ghost/import-ghost.js'
import { ImportInputError } from '../../../src/importers/import-input-error.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { runMasthead } from '../../helpers/run-masthead.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import {
  contentCounts,
  runWordPressImport,
  THEME_UNIT_TEST,
} from '../../helpers/wordpress-import-harness.js'

const folder = mkdtempSync(join(tmpdir(), 'masthead-bad-input-'))
const theme = readFileSync(THEME_UNIT_TEST)

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name)
  writeFileSync(path, content)
  return path
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol3;</title></item></channel></rss>`

const BAD_WXR: [string, string, string | Buffer, RegExp][] = [
  // Cut in the middle of the posts: a first reading sees it before anything is written.
  ['a truncated export', 'truncated.xml', theme.subarray(0, Math.floor(theme.length * 0.8)), /truncated/],
  ['an XML file that is not WXR', 'feed.xml', '<rss><channel><item><title>x</title></item></channel></rss>', /not a WordPress export/],
  ['an XML file of another root', 'svg.xml', '<svg xmlns="http://www.w3.org/2000/svg"></svg>', /root element is <svg>/],
  ['invalid UTF-8', 'latin1.xml', Buffer.concat([theme.subarray(0, 5000), Buffer.from([0xc3, 0x28, 0xff]), theme.subarray(5000)]), /not valid UTF-8/],
  ['an entity-expansion (billion laughs) file', 'lolz.xml', BILLION_LAUGHS, /document type declaration/],
  ['mismatched end tags', 'mismatch.xml', '<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>x</item></channel></rss>', /not closed/],
] // prettier-ignore

describeEachDatabase('imports refuse bad input and change nothing', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bad-data-'))

  for (const [name, fileName, content, message] of BAD_WXR) {
    it(`refuses ${name} with a clear error`, async () => {
      const before = await contentCounts(store().db)
      const path = file(fileName, content)
      const attempt = runWordPressImport(store().db, { path, dataDir })
      await expect(attempt).rejects.toThrow(ImportInputError)
      await expect(attempt).rejects.toThrow(message)
      expect(await contentCounts(store().db)).toEqual(before)
    })
  }

  it('refuses JSON that is not a Ghost export, naming what is wrong', async () => {
    const before = await contentCounts(store().db)
    for (const [content, message] of [
      [
        '{"db":[{"meta":{"version":"5.1.0"},"data":{"posts":[{"id":1}]}}]}',
        /db\.0\.data\.posts\.0\.id/,
      ],
      ['{"posts":[]}', /not a Ghost export/],
      ['{"db":[{"meta":{"version":"5.1.0"},"data":{"posts":[', /not a Ghost export/],
      ['{"db":[{"meta":{"version":"2.0.0"},"data":{"posts":[]}}]}', /not supported/],
    ] as const) {
      const path = file('ghost.json', content)
      const attempt = importGhost({ db: store().db, path, now: () => TEST_NOW })
      await expect(attempt).rejects.toThrow(message)
    }
    expect(await contentCounts(store().db)).toEqual(before)
  })

  it('a dry run reports what it would import and writes nothing', async () => {
    const before = await contentCounts(store().db)
    const report = await runWordPressImport(store().db, {
      path: THEME_UNIT_TEST,
      dataDir,
      isDryRun: true,
    })
    expect(report.imported).toMatchObject({ articles: 58, pages: 21 })
    expect(await contentCounts(store().db)).toEqual(before)
  }, 60_000)
})

it('the command exits non-zero with one line naming the problem', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bad-cli-'))
  const path = file('cli-lolz.xml', BILLION_LAUGHS)
  const result = await runMasthead(['import', 'wordpress', path], {
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_DEMO: '0',
  })
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(/^masthead: .*cli-lolz\.xml: a document type declaration/)
}, 90_000)
