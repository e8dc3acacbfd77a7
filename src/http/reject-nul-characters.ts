import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.js'

const NUL = '\u0000'

/** The path of the first string holding a NUL character inside a parsed body, if any. */
function nulPathIn(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined
  if (value === null || typeof value !== 'object' || depth > 64) return undefined
  for (const [key, inner] of Object.entries(value)) {
    const found = nulPathIn(inner, path ? `${path}.${key}` : key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Refuses NUL characters in the query and in JSON bodies with a 400 (in the path, a 404), before
 * any route sees them.
 * PostgreSQL cannot store or even compare text holding one (it fails the whole statement), and
 * SQLite would keep it; refusing it up front answers the same on both and changes nothing.
 */
export function registerNulCharacterCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const [path = '', query = ''] = request.url.split('?', 2)
    // No page or record has a NUL in its address, so such a path is simply not found.
    if (/%00/i.test(path))
      return done(new AppError('NOT_FOUND', 'There is nothing at this address'))
    if (!/%00/i.test(query)) return done()
    done(
      new AppError('VALIDATION_FAILED', 'The query may not contain NUL characters', {
        property: 'query',
      }),
    )
  })
  app.addHook('preValidation', (request, _reply, done) => {
    const property = nulPathIn(request.body, '')
    if (property === undefined) return done()
    done(
      new AppError('VALIDATION_FAILED', 'Text may not contain NUL characters', {
        property: property || 'body',
      }),
    )
  })
}
