import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  ENCODING_SUFFIXES,
  sendImmutableFile,
  type PrecompressedFile,
} from '../http/precompressed-file.js'
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

/** The built app's hashed assets, read once with the compressed copies the build wrote. */
function readAssets(folder: string): Map<string, PrecompressedFile> {
  const files = new Set(readdirSync(join(folder, 'assets')))
  const read = (name: string) => readFileSync(join(folder, 'assets', name))
  const assets = new Map<string, PrecompressedFile>()
  for (const name of files) {
    if (name.endsWith(ENCODING_SUFFIXES.br) || name.endsWith(ENCODING_SUFFIXES.gzip)) continue
    const asset: PrecompressedFile = {
      contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      bytes: read(name),
    }
    for (const encoding of ['br', 'gzip'] as const) {
      const copy = name + ENCODING_SUFFIXES[encoding]
      if (files.has(copy)) asset[encoding] = read(copy)
    }
    assets.set(name, asset)
  }
  return assets
}

/** Reads the build; one rebuilt while it is read counts as missing (a restart serves it). */
function readBuild(
  folder: string,
  app: FastifyInstance,
): { index?: Buffer; assets: Map<string, PrecompressedFile> } {
  if (!isAdminBuilt(folder)) return { assets: new Map() }
  try {
    return { index: readFileSync(join(folder, 'index.html')), assets: readAssets(folder) }
  } catch (error) {
    app.log.error({ err: error, folder }, 'the newsroom app could not be read')
    return { assets: new Map() }
  }
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
    return sendImmutableFile(request, reply, asset)
  })
  app.get('/admin', PUBLIC, sendIndex)
  app.get('/admin/*', PUBLIC, sendIndex)
}
