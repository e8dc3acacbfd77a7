import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  compressForBuild,
  ENCODING_SUFFIXES,
  isCompressible,
} from '../../http/precompressed-file.js'
import { loadSharp } from '../../platform/load-sharp.js'
import { SITE_ASSET_SOURCES, type AssetName } from './asset-sources.js'

/** Bumped when the way files are built changes, so that older builds are rebuilt. */
const BUILD_FORMAT = 1
const MANIFEST = 'manifest.json'

/** One built file: its hashed name and the compressed copies written next to it. */
export interface BuiltAsset {
  file: string
  contentType: string
  encodings: (keyof typeof ENCODING_SUFFIXES)[]
}

/** What a build wrote, and a fingerprint of the sources it was built from. */
export interface SiteAssetsBuild {
  fingerprint: string
  assets: Record<AssetName, BuiltAsset>
}

/** The repository root when running the sources, or dist/ when running the compiled JavaScript. */
const root = fileURLToPath(new URL('../../../', import.meta.url))

/** Where `npm run build` (or the first start from the sources) writes the site's files. */
export function siteAssetsFolder(): string {
  return basename(root.replace(/\/$/, '')) === 'dist'
    ? join(root, 'site-assets')
    : join(root, 'dist', 'site-assets')
}

function sourceBytes(): Map<string, Buffer> {
  return new Map(
    Object.entries(SITE_ASSET_SOURCES).map(([name, source]) => [name, readFileSync(source.file)]),
  )
}

function fingerprintOf(sources: Map<string, Buffer>): string {
  const hash = createHash('sha256').update(`format ${BUILD_FORMAT}\n`)
  for (const [name, bytes] of sources) hash.update(`${name} ${bytes.length}\n`).update(bytes)
  return hash.digest('hex')
}

function hashedName(name: string, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12)
  const dot = name.lastIndexOf('.')
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`
}

/** Writes beside the final name, then renames: a reader never sees half a file. */
function writeAtomically(path: string, bytes: Buffer | string): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  writeFileSync(temporary, bytes)
  renameSync(temporary, path)
}

/** The final bytes of each asset: fonts as they are, the stylesheet pointing at hashed fonts. */
async function assetBytes(sources: Map<string, Buffer>): Promise<Map<AssetName, Buffer>> {
  const bytes = new Map<AssetName, Buffer>()
  for (const name of Object.keys(SITE_ASSET_SOURCES) as (keyof typeof SITE_ASSET_SOURCES)[]) {
    // The stylesheet waits for the fonts' hashed names; the logo is drawn below.
    if (name === 'site.css' || name === 'logo.svg') continue
    bytes.set(name, sources.get(name) ?? Buffer.alloc(0))
  }
  const css = (sources.get('site.css') ?? Buffer.alloc(0))
    .toString('utf8')
    .replace(/url\("\.\/fonts\/([\w.-]+)"\)/g, (match, font: string) => {
      const fontBytes = bytes.get(font as AssetName)
      return fontBytes ? `url("/assets/${hashedName(font, fontBytes)}")` : match
    })
  bytes.set('site.css', Buffer.from(css))
  // Google wants the publisher logo as a bitmap: drawn once, at 512 px.
  const logo = sources.get('logo.svg') ?? Buffer.alloc(0)
  const sharp = await loadSharp()
  bytes.set('logo.png', await sharp(logo).resize(512, 512).png().toBuffer())
  return bytes
}

/**
 * Writes every site asset under a name that carries a hash of its content, with brotli (`.br`)
 * and gzip (`.gz`) copies of the text files next to it, then the manifest; removes what an older
 * build left.
 */
export async function buildSiteAssets(folder = siteAssetsFolder()): Promise<SiteAssetsBuild> {
  const sources = sourceBytes()
  mkdirSync(folder, { recursive: true })
  const assets = {} as Record<AssetName, BuiltAsset>
  for (const [name, bytes] of await assetBytes(sources)) {
    const contentType = name === 'logo.png' ? 'image/png' : SITE_ASSET_SOURCES[name].contentType
    const file = hashedName(name, bytes)
    writeAtomically(join(folder, file), bytes)
    const encodings: BuiltAsset['encodings'] = []
    if (isCompressible(contentType)) {
      const compressed = await compressForBuild(bytes)
      for (const encoding of ['br', 'gzip'] as const) {
        writeAtomically(join(folder, file + ENCODING_SUFFIXES[encoding]), compressed[encoding])
        encodings.push(encoding)
      }
    }
    assets[name] = { file, contentType, encodings }
  }
  const build: SiteAssetsBuild = { fingerprint: fingerprintOf(sources), assets }
  writeAtomically(join(folder, MANIFEST), `${JSON.stringify(build, null, 2)}\n`)
  const kept = new Set([MANIFEST, ...Object.values(assets).flatMap(filesOf)])
  for (const name of readdirSync(folder))
    if (!kept.has(name) && !name.endsWith('.tmp')) rmSync(join(folder, name), { force: true })
  return build
}

/** The built file and its compressed copies. */
export function filesOf(asset: BuiltAsset): string[] {
  return [
    asset.file,
    ...asset.encodings.map((encoding) => asset.file + ENCODING_SUFFIXES[encoding]),
  ]
}

/** The build in the folder when it was made from the present sources and is whole. */
function currentBuild(folder: string): SiteAssetsBuild | undefined {
  try {
    const build = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as SiteAssetsBuild
    if (build.fingerprint !== fingerprintOf(sourceBytes())) return undefined
    const isWhole = Object.values(build.assets).every((asset) =>
      filesOf(asset).every((file) => existsSync(join(folder, file))),
    )
    return isWhole ? build : undefined
  } catch {
    return undefined
  }
}

/**
 * The site's built assets: those `npm run build` wrote, or — running from the sources, or after
 * the sources changed — built now, once.
 */
export async function ensureSiteAssets(folder = siteAssetsFolder()): Promise<SiteAssetsBuild> {
  return currentBuild(folder) ?? buildSiteAssets(folder)
}
