import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

/** A static file of the site, held in memory under a name that changes with its content. */
export interface Asset {
  path: string
  contentType: string
  bytes: Buffer
}

const require = createRequire(import.meta.url)
const ownFile = (name: string) => fileURLToPath(new URL(name, import.meta.url))

/** The site's own files and the self-hosted Arabic fonts, by logical name. */
const SOURCES = {
  'site.css': { file: ownFile('./site.css'), contentType: 'text/css; charset=utf-8' },
  'site.js': { file: ownFile('./site.js'), contentType: 'text/javascript; charset=utf-8' },
  'naskh-400.woff2': {
    file: require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2'),
    contentType: 'font/woff2',
  },
  'naskh-700.woff2': {
    file: require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2'),
    contentType: 'font/woff2',
  },
  'kufi-700.woff2': {
    file: require.resolve('@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2'),
    contentType: 'font/woff2',
  },
} satisfies Record<string, { file: string; contentType: string }>

export type AssetName = keyof typeof SOURCES | 'logo.png'

/** Logical names to hashed paths, and hashed paths to files. */
export interface AssetManifest {
  url(name: AssetName): string
  find(path: string): Asset | undefined
}

/**
 * Reads every asset once at start and names it by a hash of its content, so that it can be
 * cached for a year: a changed file gets a new URL. The stylesheet's font URLs are rewritten to
 * the hashed font paths, and the publisher logo is drawn to a 512 px PNG (what Google wants).
 */
export async function loadAssetManifest(): Promise<AssetManifest> {
  const byName = new Map<string, Asset>()
  const hashedPath = (name: string, bytes: Buffer) => {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12)
    const dot = name.lastIndexOf('.')
    return `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`
  }
  // The stylesheet goes last: it needs the hashed paths of the fonts.
  const names = (Object.keys(SOURCES) as (keyof typeof SOURCES)[]).sort(
    (a, b) => Number(a === 'site.css') - Number(b === 'site.css'),
  )
  for (const name of names) {
    const source = SOURCES[name]
    let bytes = readFileSync(source.file)
    if (name === 'site.css') {
      const css = bytes
        .toString('utf8')
        .replace(/url\("\.\/fonts\/([\w.-]+)"\)/g, (match, font: string) => {
          const asset = byName.get(font)
          return asset ? `url("${asset.path}")` : match
        })
      bytes = Buffer.from(css)
    }
    byName.set(name, { path: hashedPath(name, bytes), contentType: source.contentType, bytes })
  }
  const logo = await sharp(readFileSync(ownFile('./logo.svg')))
    .resize(512, 512)
    .png()
    .toBuffer()
  byName.set('logo.png', {
    path: hashedPath('logo.png', logo),
    contentType: 'image/png',
    bytes: logo,
  })
  const byPath = new Map([...byName.values()].map((asset) => [asset.path, asset]))
  return {
    url: (name) => byName.get(name)?.path ?? `/assets/${name}`,
    find: (path) => byPath.get(path),
  }
}
