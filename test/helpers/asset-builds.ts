import { createHash } from 'node:crypto'
import {
  createAssetManifest,
  type Asset,
  type AssetManifest,
} from '../../src/site/assets/asset-manifest.js'

/**
 * The site's assets as the next release would build them with this stylesheet appended: a new
 * hash for site.css, the other files as they are (as after a deploy that changed only the CSS).
 */
export function withChangedStylesheet(current: AssetManifest, addedCss: string): AssetManifest {
  const byName = new Map<string, Asset>()
  for (const [name, path] of Object.entries(current.paths)) {
    const asset = current.find(path)
    if (!asset) throw new Error(`${path} is not in the manifest`)
    byName.set(name, asset)
  }
  const css = byName.get('site.css')
  if (!css) throw new Error('the manifest has no site.css')
  const bytes = Buffer.concat([css.bytes, Buffer.from(addedCss)])
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12)
  byName.set('site.css', { path: `/assets/site.${hash}.css`, contentType: css.contentType, bytes })
  return createAssetManifest(byName)
}
