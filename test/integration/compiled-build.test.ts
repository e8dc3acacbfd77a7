import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { get, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PORT = 3987

/** A GET whose body stays as sent (fetch would decompress it). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(`http://127.0.0.1:${PORT}${path}`, { headers }, (reply) => {
      const chunks: Buffer[] = []
      reply.on('data', (chunk: Buffer) => chunks.push(chunk))
      reply.on('end', () => resolve({ headers: reply.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

describe('the compiled build', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-dist-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it(
    'builds with npm run build and serves the site and the newsroom app from dist/ without tsx',
    { timeout: 420_000 },
    async () => {
      await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT })
      const server = spawn(process.execPath, ['dist/src/main.js'], {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'],
          MASTHEAD_DATA_DIR: dataDir,
          MASTHEAD_DEMO: '0',
          PORT: String(PORT),
          MASTHEAD_LOG_LEVEL: 'silent',
        },
      })
      try {
        await expect
          .poll(
            async () =>
              (await fetch(`http://127.0.0.1:${PORT}/readyz`).catch(() => undefined))?.status,
            { timeout: 60_000, interval: 250 },
          )
          .toBe(200)
        const home = await fetch(`http://127.0.0.1:${PORT}/en/`)
        expect(home.status).toBe(200)
        const html = await home.text()
        expect(html).toContain('<html lang="en" dir="ltr"')
        // The stylesheet was named and compressed by the build, not by the server.
        const css = /href="\/assets\/(site\.[0-9a-f]{12}\.css)"/.exec(html)?.[1] ?? ''
        const compressed = readFileSync(join(ROOT, 'dist', 'site-assets', `${css}.br`))
        const stylesheet = await rawGet(`/assets/${css}`, { 'accept-encoding': 'br' })
        expect(stylesheet.headers['content-encoding']).toBe('br')
        expect(stylesheet.body.equals(compressed)).toBe(true)
        const newsroom = await fetch(`http://127.0.0.1:${PORT}/admin/articles/1`)
        expect(newsroom.status).toBe(200)
        expect(await newsroom.text()).toContain('<div id="root">')
      } finally {
        server.kill('SIGTERM')
      }
    },
  )
})
