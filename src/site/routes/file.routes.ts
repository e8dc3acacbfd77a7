import type { FastifyInstance } from 'fastify'
import { sendImmutableFile, sendPrecompressedFile } from '../../http/precompressed-file.js'
import type { MediaStorage } from '../../platform/storage/media-storage.js'
import type { AssetManifest } from '../assets/asset-manifest.js'
import { themeStylesheet } from '../theme-stylesheet.js'
import { PUBLIC, type Params, type SiteRouteKit } from './site-route-kit.js'

const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}
/**
 * An asset asked for under another build's hash: not immutable, and short, because during a
 * rolling deploy a process of the older build may answer for a newer hash.
 */
const OTHER_BUILD_CACHE_CONTROL = 'public, max-age=60'

/** The site's built assets, its icon and the newsroom's media files. */
export function registerFileRoutes(
  app: FastifyInstance,
  deps: { kit: SiteRouteKit; assets: AssetManifest; storage: MediaStorage },
): void {
  const { kit, assets, storage } = deps
  const { notFound } = kit

  app.get('/assets/:file', PUBLIC, async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const asset = assets.find(path)
    if (asset) return sendImmutableFile(request, reply, asset)
    // A page cached before a deploy names the previous build's files: it gets the current one,
    // briefly, so it keeps its look until it is purged or expires (docs/operations.md).
    const current = assets.findOtherBuild(path)
    if (current) return sendPrecompressedFile(request, reply, current, OTHER_BUILD_CACHE_CONTROL)
    return notFound(request, reply)
  })

  // The accent colour from the settings, as a stylesheet named by the colour (theme-stylesheet.ts).
  app.get('/site-theme/:file', PUBLIC, async (request, reply) => {
    const css = themeStylesheet((request.params as Params)['file'] ?? '')
    if (!css) return notFound(request, reply)
    return reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(css)
  })

  app.get('/favicon.ico', PUBLIC, async (request, reply) => {
    const logo = assets.find(assets.url('logo.png'))
    if (!logo) return notFound(request, reply)
    return reply
      .header('content-type', logo.contentType)
      .header('cache-control', 'public, max-age=86400')
      .send(logo.bytes)
  })

  app.get('/media/*', PUBLIC, async (request, reply) => {
    const key = (request.params as Params)['*'] ?? ''
    const bytes = await storage.get(key)
    if (!bytes) return notFound(request, reply)
    const extension = key.split('.').pop() ?? ''
    return reply
      .header('content-type', MEDIA_TYPES[extension] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(bytes)
  })
}
