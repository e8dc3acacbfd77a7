import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { registerAdminApp } from './admin-app.routes.js'

function builtApp(): string {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-admin-'))
  mkdirSync(join(folder, 'assets'))
  writeFileSync(join(folder, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(folder, 'assets', 'index-abc123.js'), 'console.log("newsroom");'.repeat(50))
  return folder
}

async function serve(folder: string) {
  const app = Fastify()
  registerAdminApp(app, folder)
  await app.ready()
  return app
}

describe('serving the newsroom app', () => {
  it('answers index.html, never cached, for /admin and every path under it', async () => {
    const app = await serve(builtApp())
    for (const url of [
      '/admin',
      '/admin/',
      '/admin/articles/12',
      '/admin/articles/new?language=ar',
    ]) {
      const response = await app.inject({ url })
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['cache-control']).toBe('no-cache')
      expect(response.body).toContain('<div id="root">')
    }
  })

  it('caches hashed assets for a year, compressed when the client accepts it', async () => {
    const app = await serve(builtApp())
    const response = await app.inject({
      url: '/admin/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await app.inject({ url: '/admin/assets/missing.js' })).statusCode).toBe(404)
  })

  it('answers 503 with what to do when the app is not built', async () => {
    const app = await serve(mkdtempSync(join(tmpdir(), 'masthead-admin-')))
    const response = await app.inject({ url: '/admin/' })
    expect(response.statusCode).toBe(503)
    expect(response.body).toContain('npm run build')
  })
})
