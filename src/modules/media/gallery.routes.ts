import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { RouteDescription } from '../../http/api-route.js'
import { contextOf } from '../../http/change-context.js'
import { galleryChangesSchema, galleryInputSchema, type GalleryService } from './gallery-service.js'
import { GALLERY_VIEW } from './media-responses.js'
import { idParam, MEDIA_DELETE, MEDIA_READ, MEDIA_WRITE } from './media.routes.js'

const ID_PARAMS = z.strictObject({ id: z.string() })

/** The gallery routes as the OpenAPI document describes them. */
export const GALLERY_ROUTE_DESCRIPTIONS: RouteDescription[] = [
  {
    method: 'POST',
    url: '/api/admin/galleries',
    access: MEDIA_WRITE.config.access,
    tag: 'media',
    summary: 'Create a gallery: a title and its images in order',
    body: galleryInputSchema,
    successStatus: 201,
    response: GALLERY_VIEW,
  },
  {
    method: 'GET',
    url: '/api/admin/galleries/:id',
    access: MEDIA_READ.config.access,
    tag: 'media',
    summary: 'One gallery with its items',
    params: ID_PARAMS,
    response: GALLERY_VIEW,
  },
  {
    method: 'PATCH',
    url: '/api/admin/galleries/:id',
    access: MEDIA_WRITE.config.access,
    tag: 'media',
    summary: 'Rename a gallery or reorder its items (the items given replace them)',
    params: ID_PARAMS,
    body: galleryChangesSchema,
    response: GALLERY_VIEW,
  },
  {
    method: 'DELETE',
    url: '/api/admin/galleries/:id',
    access: MEDIA_DELETE.config.access,
    tag: 'media',
    summary: 'Delete a gallery (409 when an article uses it)',
    params: ID_PARAMS,
  },
]

/** Galleries in the newsroom API: create, read, rename or reorder (PUT the items in order), delete. */
export function registerGalleryRoutes(
  app: FastifyInstance,
  deps: { galleries: GalleryService },
): void {
  const { galleries } = deps
  app.post('/api/admin/galleries', MEDIA_WRITE, async (request, reply) => {
    const gallery = await galleries.create(contextOf(request), request.body)
    return reply.status(201).header('cache-control', 'no-store').send(gallery)
  })
  app.get('/api/admin/galleries/:id', MEDIA_READ, async (request, reply) =>
    reply.header('cache-control', 'no-store').send(await galleries.get(idParam(request))),
  )
  app.patch('/api/admin/galleries/:id', MEDIA_WRITE, async (request, reply) => {
    const gallery = await galleries.update(contextOf(request), idParam(request), request.body)
    return reply.header('cache-control', 'no-store').send(gallery)
  })
  app.delete('/api/admin/galleries/:id', MEDIA_DELETE, async (request, reply) => {
    await galleries.remove(contextOf(request), idParam(request))
    return reply.status(204).header('cache-control', 'no-store').send()
  })
}
