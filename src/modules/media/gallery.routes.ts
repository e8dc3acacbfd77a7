import type { FastifyInstance } from 'fastify'
import type { GalleryService } from './gallery-service.js'
import { idParam, MEDIA_DELETE, MEDIA_READ, MEDIA_WRITE } from './media.routes.js'

/** Galleries in the newsroom API: create, read, rename or reorder (PUT the items in order), delete. */
export function registerGalleryRoutes(
  app: FastifyInstance,
  deps: { galleries: GalleryService },
): void {
  const { galleries } = deps
  app.post('/api/admin/galleries', MEDIA_WRITE, async (request, reply) =>
    reply
      .status(201)
      .header('cache-control', 'no-store')
      .send(await galleries.create(request.body)),
  )
  app.get('/api/admin/galleries/:id', MEDIA_READ, async (request, reply) =>
    reply.header('cache-control', 'no-store').send(await galleries.get(idParam(request))),
  )
  app.patch('/api/admin/galleries/:id', MEDIA_WRITE, async (request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send(await galleries.update(idParam(request), request.body)),
  )
  app.delete('/api/admin/galleries/:id', MEDIA_DELETE, async (request, reply) => {
    await galleries.remove(idParam(request))
    return reply.status(204).header('cache-control', 'no-store').send()
  })
}
