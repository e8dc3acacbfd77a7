import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors/app-error.js'
import type { RouteAccess } from '../../http/route-access.js'
import type { MediaService } from './media-service.js'
import { serializeMedia } from './media-serializer.js'
import type { MediaUploader } from './media-upload.js'

/** Every newsroom role may upload to and edit the media library. */
export const MEDIA_ACCESS = {
  config: { access: { roles: ['contributor', 'author', 'editor', 'admin'] } satisfies RouteAccess },
}

export interface MediaRoutesDeps {
  uploader: MediaUploader
  media: MediaService
  maxBytes: number
  /** The signed-in user, as the session plugin knows them; unknown until it is mounted. */
  actorOf?: (request: FastifyRequest) => { id: number } | undefined
}

/** The numeric `:id` of a route; anything else is a 404 like an unknown record. */
export function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? ''
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(id)) throw new AppError('NOT_FOUND', `No record ${raw}`)
  return id
}

/**
 * The media library of the newsroom API: streamed multipart upload, the item, where it is used,
 * edits (alt text and caption per language, credit, focal point) and delete. Mount it behind the
 * session plugin; each route declares its roles.
 */
export async function registerMediaRoutes(
  app: FastifyInstance,
  deps: MediaRoutesDeps,
): Promise<void> {
  await app.register(async (scope) => {
    // One file per request, cut off one byte past the limit so the uploader sees it was too big.
    await scope.register(multipart, {
      limits: { fileSize: deps.maxBytes + 1, files: 1, fields: 20, parts: 21 },
    })

    scope.post('/api/admin/media', MEDIA_ACCESS, async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', 'Send the image as multipart/form-data', {
          property: 'file',
        })
      const file = await request.file()
      if (!file) throw new AppError('VALIDATION_FAILED', 'No file was sent', { property: 'file' })
      const item = await deps.uploader.upload({
        stream: file.file,
        filename: file.filename,
        uploadedBy: deps.actorOf?.(request)?.id ?? null,
      })
      return reply.status(201).header('cache-control', 'no-store').send(serializeMedia(item))
    })

    scope.get('/api/admin/media/:id', MEDIA_ACCESS, async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(serializeMedia(await deps.media.get(idParam(request)))),
    )

    scope.get('/api/admin/media/:id/usage', MEDIA_ACCESS, async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send({ usage: await deps.media.usage(idParam(request)) }),
    )

    scope.patch('/api/admin/media/:id', MEDIA_ACCESS, async (request, reply) => {
      const item = await deps.media.update(idParam(request), request.body)
      return reply.header('cache-control', 'no-store').send(serializeMedia(item))
    })

    scope.delete('/api/admin/media/:id', MEDIA_ACCESS, async (request, reply) => {
      await deps.media.remove(idParam(request))
      return reply.status(204).header('cache-control', 'no-store').send()
    })
  })
}
