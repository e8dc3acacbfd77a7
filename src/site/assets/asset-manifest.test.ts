import { describe, expect, it } from 'vitest'
import { createAssetManifest, type Asset } from './asset-manifest.js'

const css: Asset = {
  path: '/assets/site.0123456789ab.css',
  contentType: 'text/css; charset=utf-8',
  bytes: Buffer.from('body{}'),
}
const font: Asset = {
  path: '/assets/naskh-400.ba9876543210.woff2',
  contentType: 'font/woff2',
  bytes: Buffer.from('wOF2'),
}
const manifest = createAssetManifest(
  new Map([
    ['site.css', css],
    ['naskh-400.woff2', font],
  ]),
)

describe('the asset manifest', () => {
  it('finds a file by its hashed path only, and names each file by its hashed path', () => {
    expect(manifest.find(css.path)).toBe(css)
    expect(manifest.find('/assets/site.css')).toBeUndefined()
    expect(manifest.find('/assets/site.ffffffffffff.css')).toBeUndefined()
    expect(manifest.url('site.css')).toBe(css.path)
    expect(manifest.paths).toEqual({ 'naskh-400.woff2': font.path, 'site.css': css.path })
    expect(Object.keys(manifest.paths)).toEqual(['naskh-400.woff2', 'site.css'])
  })

  it('answers the current file for a known name under another build’s hash', () => {
    expect(manifest.findOtherBuild('/assets/site.ffffffffffff.css')).toBe(css)
    expect(manifest.findOtherBuild('/assets/naskh-400.000000000000.woff2')).toBe(font)
  })

  it('finds nothing for unknown names, other shapes of hash, compressed copies or other folders', () => {
    for (const path of [
      '/assets/site.ffffffffffff.png',
      '/assets/other.ffffffffffff.css',
      '/assets/site.css',
      '/assets/site.fffffffffff.css',
      '/assets/site.fffffffffffff.css',
      '/assets/site.FFFFFFFFFFFF.css',
      '/assets/site.ffffffffffff.css.br',
      '/assets/site.ffffffffffff.css.gz',
      '/assets/x/site.ffffffffffff.css',
      '/assets/../site.ffffffffffff.css',
      '/media/site.ffffffffffff.css',
    ])
      expect(manifest.findOtherBuild(path), path).toBeUndefined()
  })
})
