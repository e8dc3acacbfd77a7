import { promisify } from 'node:util'
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { chooseEncoding } from '../page-cache/page-cache.js'

/** A static file and the compressed copies made of it when it was built. */
export interface PrecompressedFile {
  contentType: string
  bytes: Buffer
  br?: Buffer
  gzip?: Buffer
}

/** The suffix of each compressed copy, written next to the file. */
export const ENCODING_SUFFIXES = { br: '.br', gzip: '.gz' } as const

/** Text compresses; fonts, pictures and archives already are. */
export function isCompressible(contentType: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(contentType)
}

const brotli = promisify(brotliCompress)
const gzip = promisify(gzipCallback)

/**
 * Brotli at its best and gzip at 9: slow (seconds for the newsroom app's editor), so done once,
 * when the file is built, on the thread pool.
 */
export async function compressForBuild(bytes: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip(bytes, { level: 9 }),
  ])
  return { br, gzip: gz }
}

/** The lifetime of a file whose name carries a hash of its content: a year, never revalidated. */
const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/**
 * Sends a file in the copy the client accepts, compressed at build (nothing is compressed now),
 * with the given lifetime.
 */
export function sendPrecompressedFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: PrecompressedFile,
  cacheControl: string,
): FastifyReply {
  const encoding = chooseEncoding(request.headers['accept-encoding'], {
    identity: file.bytes,
    br: file.br,
    gzip: file.gzip,
  })
  if (file.br || file.gzip) reply.header('vary', 'accept-encoding')
  if (encoding !== 'identity') reply.header('content-encoding', encoding)
  return reply
    .header('content-type', file.contentType)
    .header('cache-control', cacheControl)
    .send(encoding === 'identity' ? file.bytes : file[encoding])
}

/** Sends a file whose name carries a hash of its content: cached for a year, never revalidated. */
export function sendImmutableFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: PrecompressedFile,
): FastifyReply {
  return sendPrecompressedFile(request, reply, file, IMMUTABLE_CACHE_CONTROL)
}
