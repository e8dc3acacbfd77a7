import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { RouteDescription } from '../../http/api-route.js'
import { AppError } from '../../errors/app-error.js'
import { parseId } from '../../http/common-schemas.js'
import type { RouteAccess } from '../../http/route-access.js'
import { hasPermission, seesAllArticles } from '../access/actor.js'
import { contextOf } from '../../http/change-context.js'
import { mediaChangesSchema, mediaListQuerySchema, type MediaService } from './media-service.js'
import { MEDIA_PAGE, MEDIA_USAGE, MEDIA_VIEW } from './media-responses.js'
import { serializeMedia } from './media-serializer.js'
import type { MediaUploader } from './media-upload.js'

/** Access of the media library's routes, from the newsroom's permission matrix. */
export const MEDIA_READ = { config: { access: { permission: 'media.read' } satisfies RouteAccess } }
export const MEDIA_WRITE = {
  config: { access: { permission: 'media.write' } satisfies RouteAccess },
}
export const MEDIA_DELETE = {
  config: { access: { permission: 'media.delete' } satisfies RouteAccess },
}

export interface MediaRoutesDeps {
  uploader: MediaUploader
  media: MediaService
  maxBytes: number
}

const ID_PARAMS = z.strictObject({ id: z.string() })

/** The media routes as the OpenAPI document describes them. */
export const MEDIA_ROUTE_DESCRIPTIONS: RouteDescription[] = [
  {
    method: 'POST',
    url: '/api/admin/media',
    access: MEDIA_WRITE.config.access,
    tag: 'media',
    summary: 'Upload an image (multipart `file`): JPEG, PNG, WebP, AVIF or GIF',
    isMultipart: true,
    successStatus: 201,
    response: MEDIA_VIEW,
  },
  {
    method: 'GET',
    url: '/api/admin/media',
    access: MEDIA_READ.config.access,
    tag: 'media',
    summary:
      'The library, newest first: `q` searches file name, alt text, caption and credit; `type` filters',
    query: mediaListQuerySchema,
    response: MEDIA_PAGE,
  },
  {
    method: 'GET',
    url: '/api/admin/media/:id',
    access: MEDIA_READ.config.access,
    tag: 'media',
    summary: 'One media item with its variants',
    params: ID_PARAMS,
    response: MEDIA_VIEW,
  },
  {
    method: 'GET',
    url: '/api/admin/media/:id/usage',
    access: MEDIA_READ.config.access,
    tag: 'media',
    summary: 'Where a media item is used',
    params: ID_PARAMS,
    response: MEDIA_USAGE,
  },
  {
    method: 'PATCH',
    url: '/api/admin/media/:id',
    access: MEDIA_WRITE.config.access,
    tag: 'media',
    summary:
      'Alt text and caption per language, credit (with `creditByLanguage` forms), copyright, focal point',
    params: ID_PARAMS,
    body: mediaChangesSchema,
    response: MEDIA_VIEW,
  },
  {
    method: 'DELETE',
    url: '/api/admin/media/:id',
    access: MEDIA_DELETE.config.access,
    tag: 'media',
    summary: 'Delete a media item (409 MEDIA_IN_USE when something uses it)',
    params: ID_PARAMS,
  },
]

/** The numeric `:id` of a route; anything else is a 404 like an unknown record. */
export function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? ''
  const id = parseId(raw)
  if (id === undefined) throw new AppError('NOT_FOUND', `No record ${raw}`)
  return id
}

/** What the asker of a usage list may open: some see only their own articles, not pages. */
function usageViewerOf(request: FastifyRequest) {
  const { actor } = contextOf(request)
  return {
    ownArticlesOf: actor.kind === 'user' && !seesAllArticles(actor) ? actor.userId : undefined,
    canReadPages: hasPermission(actor, 'pages.read'),
  }
}

/**
 * The media library of the newsroom API: streamed multipart upload, the item, where it is used,
 * edits (alt text and caption per language, credit, focal point) and delete. Mount it behind the
 * session plugin; each route declares its permission (delete is for editors), and each write is one
 * call of the uploader or the media service with the signed-in actor.
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

    scope.post('/api/admin/media', MEDIA_WRITE, async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', 'Send the image as multipart/form-data', {
          property: 'file',
        })
      const file = await request.file()
      if (!file) throw new AppError('VALIDATION_FAILED', 'No file was sent', { property: 'file' })
      const item = await deps.uploader.upload(contextOf(request), {
        stream: file.file,
        filename: file.filename,
      })
      return reply.status(201).header('cache-control', 'no-store').send(serializeMedia(item))
    })

    scope.get('/api/admin/media', MEDIA_READ, async (request, reply) => {
      const page = await deps.media.list(request.query)
      return reply
        .header('cache-control', 'no-store')
        .send({ ...page, items: page.items.map(serializeMedia) })
    })

    scope.get('/api/admin/media/:id', MEDIA_READ, async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(serializeMedia(await deps.media.get(idParam(request)))),
    )

    scope.get('/api/admin/media/:id/usage', MEDIA_READ, async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send({ usage: await deps.media.usage(idParam(request), usageViewerOf(request)) }),
    )

    scope.patch('/api/admin/media/:id', MEDIA_WRITE, async (request, reply) => {
      const item = await deps.media.update(contextOf(request), idParam(request), request.body)
      return reply.header('cache-control', 'no-store').send(serializeMedia(item))
    })

    scope.delete('/api/admin/media/:id', MEDIA_DELETE, async (request, reply) => {
      await deps.media.remove(contextOf(request), idParam(request))
      return reply.status(204).header('cache-control', 'no-store').send()
    })
  })
}
