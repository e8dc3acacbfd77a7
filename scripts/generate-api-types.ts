/**
 * Writes admin/src/api/generated/openapi-types.ts: the newsroom app's API types, from the OpenAPI
 * document the route definitions describe (no server, no database). The file is not in git;
 * typecheck, lint, the admin build and `vite` dev write it first. Run: `npm run generate:api-types`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeApi } from '../src/api/describe-api.js'
import { openApiToTypeScript, type OpenApiDocument } from './openapi-to-typescript.js'

const TARGET = fileURLToPath(
  new URL('../admin/src/api/generated/openapi-types.ts', import.meta.url),
)

const document = describeApi({
  siteUrl: 'http://localhost:3000',
  version: 'generated',
}) as unknown as OpenApiDocument
const text = openApiToTypeScript(document, 'scripts/generate-api-types.ts')
const current = (() => {
  try {
    return readFileSync(TARGET, 'utf8')
  } catch {
    return undefined
  }
})()
// An unchanged file is left alone, so a running `vite` or `tsc --watch` sees no change.
if (text !== current) {
  mkdirSync(dirname(TARGET), { recursive: true })
  writeFileSync(TARGET, text)
}
