import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SCHEMAS = {
  index: fileURLToPath(new URL('../fixtures/sitemap-schemas/siteindex.xsd', import.meta.url)),
  urlset: fileURLToPath(new URL('../fixtures/sitemap-schemas/urlset.xsd', import.meta.url)),
}

/**
 * Validates a sitemap with xmllint against the sitemaps.org schema (`index`) or against the urlset
 * schema with the image, news and xhtml:link extensions (`urlset`). Answers xmllint's complaints,
 * none when the document is valid; throws when xmllint could not validate at all (a missing or
 * broken schema must not pass for a valid document).
 */
export function sitemapSchemaErrors(xml: string, schema: keyof typeof SCHEMAS): string[] {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMAS[schema], '-'], {
    input: xml,
    encoding: 'utf8',
  })
  if (run.error) throw run.error
  // xmllint exits 0 when the document is valid, 3 when it is not; anything else is a failure to run.
  if (run.status === 0) return []
  if (run.status === 3) {
    const errors = run.stderr.split('\n').filter((line) => line.includes('validity error'))
    return errors.length > 0 ? errors : [run.stderr]
  }
  throw new Error(`xmllint could not validate (exit ${String(run.status)}): ${run.stderr}`)
}
