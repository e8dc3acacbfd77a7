import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressForBuild } from '../http/precompressed-file.js'
import { registerAdminApp } from './admin-app.routes.js'

async function builtApp(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-admin-'))
  mkdirSync(join(folder, 'assets'))
  writeFileSync(join(folder, 'index.html'), '<!doctype html><div id="root"></div>')
  const script = Buffer.from('console.log("newsroom");'.repeat(50))
  writeFileSync(join(folder, 'assets', 'index-abc123.js'), script)
  // What the build's precompress step writes next to each text file.
  const { br, gzip } = await compressForBuild(script)
  writeFileSync(join(folder, 'assets', 'index-abc123.js.br'), br)
  writeFileSync(join(folder, 'assets', 'index-abc123.js.gz'), gzip)
  writeFileSync(join(folder, 'assets', 'plain-def456.js'), script)
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
    const app = await serve(await builtApp())
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

  it('caches hashed assets for a year, in the copy the build compressed for the client', async () => {
    const app = await serve(await builtApp())
    const url = '/admin/assets/index-abc123.js'
    const identity = await app.inject({ url })
    expect(identity.statusCode).toBe(200)
    expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(identity.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(identity.headers['vary']).toBe('accept-encoding')
    expect(identity.headers['content-encoding']).toBeUndefined()
    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(identity.body)
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(identity.body)
    expect((await app.inject({ url: '/admin/assets/missing.js' })).statusCode).toBe(404)
    expect((await app.inject({ url: `${url}.br` })).statusCode).toBe(404)
  })

  it('never compresses a file the build left without copies', async () => {
    const app = await serve(await builtApp())
    const response = await app.inject({
      url: '/admin/assets/plain-def456.js',
      headers: { 'accept-encoding': 'br, gzip' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['vary']).toBeUndefined()
  })

  it('answers 503 with what to do when the app is not built', async () => {
    const app = await serve(mkdtempSync(join(tmpdir(), 'masthead-admin-')))
    const response = await app.inject({ url: '/admin/' })
    expect(response.statusCode).toBe(503)
    expect(response.body).toContain('npm run build')
  })
})
