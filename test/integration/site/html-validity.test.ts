import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useDemoSite } from '../../helpers/demo-site.js'

/** The Nu Html Checker's jar, from the vnu-jar package (Java ≥ 11 runs it). */
const VNU_JAR = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
)

interface NuMessage {
  type: string
  url: string
  message: string
  extract?: string
}

/** The Nu validator's errors for these documents, by file; one JVM for them all. */
function nuErrors(documents: Map<string, string>): NuMessage[] {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-nu-'))
  const files = [...documents].map(([name, html], index) => {
    const file = join(folder, `${index}-${name}.html`)
    writeFileSync(file, html)
    return file
  })
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
  })
  if (run.error) throw run.error
  // The checker always reports, as JSON on stderr: no report means it did not run.
  const report = JSON.parse(run.stderr) as { messages: NuMessage[] }
  return report.messages
}

describe('the Nu Html Checker', () => {
  const site = useDemoSite()

  it('finds no error on the live story page and the home page of either edition', async () => {
    const { db } = site().store
    const documents = new Map<string, string>()
    for (const language of ['en', 'ar']) {
      const { id } = await db
        .selectFrom('articles')
        .select('id')
        .where('type', '=', 'live')
        .where('language', '=', language)
        .executeTakeFirstOrThrow()
      const path = (await site().app.inject({ url: `/${language}/x/${id}` })).headers
        .location as string
      for (const [name, url] of [
        [`live-story-${language}`, path],
        [`home-${language}`, `/${language}/`],
      ] as const) {
        const response = await site().app.inject({ url })
        expect(response.statusCode, url).toBe(200)
        documents.set(name, response.body)
      }
    }
    const errors = nuErrors(documents)
    expect(errors.map((error) => `${error.url}: ${error.message} ${error.extract ?? ''}`)).toEqual(
      [],
    )
  })
})
