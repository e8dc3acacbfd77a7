import { promisify } from 'node:util'
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** A static file and the compressed copies made of it when it was built. */
export interface PrecompressedFile {
  contentType: string
  bytes: Buffer
  br?: Buffer
  gzip?: Buffer
}

export type FileEncoding = 'br' | 'gzip' | 'identity'

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

/** The best copy the client accepts (RFC 9110 §12.5.3): br, then gzip, else the file itself. */
export function pickEncoding(
  acceptEncoding: string | undefined,
  file: Pick<PrecompressedFile, 'br' | 'gzip'>,
): FileEncoding {
  if (!acceptEncoding) return 'identity'
  let best: FileEncoding = 'identity'
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';')
    const quality = parameters.find((parameter) => parameter.trim().startsWith('q='))
    if (quality && Number(quality.trim().slice(2)) === 0) continue
    if (name === 'br' && file.br) return 'br'
    if ((name === 'gzip' || name === '*') && file.gzip) best = 'gzip'
  }
  return best
}

/**
 * Sends a file whose name carries a hash of its content: cached for a year and never revalidated,
 * in the copy the client accepts, without compressing anything now.
 */
export function sendImmutableFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: PrecompressedFile,
): FastifyReply {
  const encoding = pickEncoding(request.headers['accept-encoding'], file)
  if (file.br || file.gzip) reply.header('vary', 'accept-encoding')
  if (encoding !== 'identity') reply.header('content-encoding', encoding)
  return reply
    .header('content-type', file.contentType)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .send(encoding === 'identity' ? file.bytes : file[encoding])
}
