import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { adminBuildFolder, isAdminBuilt } from './admin-build.js'

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

const PUBLIC = { config: { access: 'public' as const } }

interface AdminAsset {
  contentType: string
  bytes: Buffer
  /** Compressed once at start, for text files. */
  brotli?: Buffer
  gzip?: Buffer
}

/** The built app's hashed assets, read once: their names change whenever their content does. */
function readAssets(folder: string): Map<string, AdminAsset> {
  const assets = new Map<string, AdminAsset>()
  for (const name of readdirSync(join(folder, 'assets'))) {
    const contentType = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream'
    const bytes = readFileSync(join(folder, 'assets', name))
    const isText = /^text\/|json|svg/.test(contentType)
    assets.set(
      name,
      isText
        ? {
            contentType,
            bytes,
            brotli: brotliCompressSync(bytes),
            gzip: gzipSync(bytes, { level: 9 }),
          }
        : { contentType, bytes },
    )
  }
  return assets
}

/** Reads the build; one rebuilt while it is read counts as missing (a restart serves it). */
function readBuild(
  folder: string,
  app: FastifyInstance,
): { index?: Buffer; assets: Map<string, AdminAsset> } {
  if (!isAdminBuilt(folder)) return { assets: new Map() }
  try {
    return { index: readFileSync(join(folder, 'index.html')), assets: readAssets(folder) }
  } catch (error) {
    app.log.error({ err: error, folder }, 'the newsroom app could not be read')
    return { assets: new Map() }
  }
}

/** The best encoding of an asset the client accepts. */
function encodingFor(request: FastifyRequest, asset: AdminAsset) {
  const accepted = String(request.headers['accept-encoding'] ?? '')
  if (asset.brotli && /\bbr\b/.test(accepted)) return { name: 'br', bytes: asset.brotli }
  if (asset.gzip && /\bgzip\b/.test(accepted)) return { name: 'gzip', bytes: asset.gzip }
  return { name: undefined, bytes: asset.bytes }
}

/**
 * Serves the newsroom app (built by Vite into dist/admin) at /admin: hashed assets cached for a
 * year, and index.html, never cached, for /admin and every path under it (the app routes itself).
 */
export function registerAdminApp(app: FastifyInstance, folder = adminBuildFolder()): void {
  const { index, assets } = readBuild(folder, app)

  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!index)
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('The newsroom app is not built: run `npm run build`.\n')
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index)
  }

  app.get<{ Params: { file: string } }>('/admin/assets/:file', PUBLIC, async (request, reply) => {
    const asset = assets.get(request.params.file)
    if (!asset)
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .type('text/plain')
        .send('Not found\n')
    const encoding = encodingFor(request, asset)
    if (asset.gzip) reply.header('vary', 'accept-encoding')
    if (encoding.name) reply.header('content-encoding', encoding.name)
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(asset.contentType)
      .send(encoding.bytes)
  })
  app.get('/admin', PUBLIC, sendIndex)
  app.get('/admin/*', PUBLIC, sendIndex)
}
