import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildSiteAssets,
  ensureSiteAssets,
  filesOf,
  type SiteAssetsBuild,
} from './build-site-assets.js'

describe('building the site assets', () => {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-site-assets-'))
  let build: SiteAssetsBuild
  beforeAll(async () => {
    writeFileSync(join(folder, 'site.000000000000.css'), 'left by an older build')
    build = await buildSiteAssets(folder)
  })
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  const read = (file: string) => readFileSync(join(folder, file))

  it('names each file by the hash of its content', () => {
    expect(Object.keys(build.assets).sort()).toEqual([
      'kufi-700.woff2',
      'logo.png',
      'naskh-400.woff2',
      'naskh-700.woff2',
      'site.css',
      'site.js',
    ])
    for (const [name, asset] of Object.entries(build.assets)) {
      const hash = createHash('sha256').update(read(asset.file)).digest('hex').slice(0, 12)
      const dot = name.lastIndexOf('.')
      expect(asset.file).toBe(`${name.slice(0, dot)}.${hash}${name.slice(dot)}`)
    }
  })

  it('writes brotli and gzip copies of the text files, and none of fonts and pictures', () => {
    for (const name of ['site.css', 'site.js'] as const) {
      const asset = build.assets[name]
      expect(asset.encodings).toEqual(['br', 'gzip'])
      const bytes = read(asset.file)
      expect(brotliDecompressSync(read(`${asset.file}.br`)).equals(bytes)).toBe(true)
      expect(gunzipSync(read(`${asset.file}.gz`)).equals(bytes)).toBe(true)
      expect(read(`${asset.file}.br`).length).toBeLessThan(bytes.length / 2)
    }
    for (const name of ['logo.png', 'naskh-400.woff2'] as const) {
      expect(build.assets[name].encodings).toEqual([])
      expect(existsSync(join(folder, `${build.assets[name].file}.br`))).toBe(false)
    }
    expect(read(build.assets['logo.png'].file).subarray(1, 4).toString()).toBe('PNG')
  })

  it('points the stylesheet at the hashed fonts, and keeps no file of an older build', () => {
    const css = read(build.assets['site.css'].file).toString()
    const fonts = [...css.matchAll(/url\("\/assets\/([^"]+)"\)/g)].map((match) => match[1])
    expect(fonts.sort()).toEqual(
      ['kufi-700.woff2', 'naskh-400.woff2', 'naskh-700.woff2']
        .map((name) => build.assets[name as 'kufi-700.woff2'].file)
        .sort(),
    )
    const expected = ['manifest.json', ...Object.values(build.assets).flatMap(filesOf)]
    expect(readdirSync(folder).sort()).toEqual(expected.sort())
  })

  it('leaves a whole build of the same sources alone at start, and rebuilds a broken one', async () => {
    const css = join(folder, build.assets['site.css'].file)
    const written = statSync(css).mtimeMs
    expect(await ensureSiteAssets(folder)).toEqual(build)
    expect(statSync(css).mtimeMs).toBe(written)
    rmSync(`${css}.br`)
    expect(await ensureSiteAssets(folder)).toEqual(build)
    expect(existsSync(`${css}.br`)).toBe(true)
  })
})
