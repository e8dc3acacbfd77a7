import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ENCODING_SUFFIXES, type PrecompressedFile } from '../../http/precompressed-file.js'
import type { AssetName } from './asset-sources.js'
import { buildSiteAssets, ensureSiteAssets, siteAssetsFolder } from './build-site-assets.js'

export type { AssetName } from './asset-sources.js'

/** A static file of the site, held in memory under a name that changes with its content. */
export interface Asset extends PrecompressedFile {
  path: string
}

/** Logical names to hashed paths, and hashed paths to files. */
export interface AssetManifest {
  url(name: AssetName): string
  find(path: string): Asset | undefined
  /**
   * The current file of a known asset asked for under another build's hash
   * (`/assets/site.<older hash>.css`): what pages rendered before a deploy still name.
   */
  findOtherBuild(path: string): Asset | undefined
  /** Each logical name's hashed path, in name order: what the pages of this build name. */
  paths: Readonly<Record<string, string>>
}

/** `/assets/<name>.<12 hex digits>.<extension>`, the shape of every built file's path. */
const HASHED_PATH = /^\/assets\/([\w-]+)\.[0-9a-f]{12}\.(\w+)$/

/** The manifest of a set of built files, keyed by logical name. */
export function createAssetManifest(byName: ReadonlyMap<string, Asset>): AssetManifest {
  const byPath = new Map([...byName.values()].map((asset) => [asset.path, asset]))
  const names = [...byName.keys()].sort()
  return {
    url: (name) => byName.get(name)?.path ?? `/assets/${name}`,
    find: (path) => byPath.get(path),
    findOtherBuild(path) {
      const match = HASHED_PATH.exec(path)
      return match ? byName.get(`${match[1]}.${match[2]}`) : undefined
    },
    paths: Object.freeze(
      Object.fromEntries(names.map((name) => [name, byName.get(name)?.path ?? ''])),
    ),
  }
}

function readBuild(folder: string, build: Awaited<ReturnType<typeof ensureSiteAssets>>) {
  const byName = new Map<string, Asset>()
  for (const [name, built] of Object.entries(build.assets)) {
    const read = (file: string) => readFileSync(join(folder, file))
    const asset: Asset = {
      path: `/assets/${built.file}`,
      contentType: built.contentType,
      bytes: read(built.file),
    }
    for (const encoding of built.encodings)
      asset[encoding] = read(built.file + ENCODING_SUFFIXES[encoding])
    byName.set(name, asset)
  }
  return byName
}

/**
 * Reads the built assets once at start (building them first when running from changed sources),
 * so that each is served from memory for a year under its hashed name, with the brotli and gzip
 * copies made at build. Names without their hash are not served.
 */
export async function loadAssetManifest(folder = siteAssetsFolder()): Promise<AssetManifest> {
  let byName: Map<string, Asset>
  try {
    byName = readBuild(folder, await ensureSiteAssets(folder))
  } catch {
    // Another process rebuilt the folder from other sources while this one read it.
    byName = readBuild(folder, await buildSiteAssets(folder))
  }
  return createAssetManifest(byName)
}
