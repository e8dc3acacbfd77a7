import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions } from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

const BOUNDARY = '----masthead-app-boundary'

function multipartBody(filename: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

describeEachDatabase('the media library in the assembled app', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  it('uploads behind the session, makes variants in the job queue and audits the write', async () => {
    const upload = await editor.request({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody('harbour.jpg', await makeImage('jpeg', { width: 800, height: 600 })),
    })
    expect(upload.statusCode, upload.body).toBe(201)
    const { id } = upload.json<{ id: number }>()
    expect(await app.newsroom.jobs.runDueJobs()).toBe(1)
    const item = await editor.request({ method: 'GET', url: `/api/admin/media/${id}` })
    expect(JSON.stringify(item.json())).toContain('.avif')
    const admin = await signInAs(app, store().db, 'admin')
    const log = await admin.request({
      method: 'GET',
      url: `/api/admin/audit-log?entityType=media&entityId=${id}`,
    })
    expect(log.json<{ items: { action: string }[] }>().items.map((entry) => entry.action)).toEqual([
      'media.created',
    ])
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody('harbour.jpg', Buffer.from('x')),
    })
    expect(anonymous.statusCode).toBe(401)
  })

  const uploadAs = async (client: NewsroomClient, filename: string, bytes: Buffer) =>
    client.request({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody(filename, bytes),
    })
  const picture = (color: string) => makeImage('png', { width: 64, height: 48, color })

  /** The audit entry a write by the editor leaves on one record. */
  const entryOf = (action: string, entityType: string, id: number) => ({
    action,
    entityType,
    entityId: String(id),
    actorType: 'user',
    actorId: editor.userId,
  })

  it('records one audit entry and one media event for an upload, an edit and a delete', async () => {
    const db = store().db
    const bytes = await picture('#204060')
    const uploaded = await trackWrite(db, () => uploadAs(editor, 'quay.png', bytes))
    expect(uploaded.response.statusCode, uploaded.response.body).toBe(201)
    const { id } = uploaded.response.json<{ id: number }>()
    expect(uploaded.audit).toEqual([entryOf('media.created', 'media', id)])
    expect(uploaded.events).toEqual([`media.created ${id}`])

    const edited = await trackWrite(db, () =>
      editor.request({
        method: 'PATCH',
        url: `/api/admin/media/${id}`,
        payload: { alt: { en: 'The quay at dusk' }, focalPoint: { x: 0.3, y: 0.6 } },
      }),
    )
    expect(edited.response.statusCode, edited.response.body).toBe(200)
    expect(edited.audit).toEqual([entryOf('media.updated', 'media', id)])
    expect(edited.events).toEqual([`media.updated ${id}`])

    const deleted = await trackWrite(db, () =>
      editor.request({ method: 'DELETE', url: `/api/admin/media/${id}` }),
    )
    expect(deleted.response.statusCode, deleted.response.body).toBe(204)
    expect(deleted.audit).toEqual([entryOf('media.deleted', 'media', id)])
    expect(deleted.events).toEqual([`media.deleted ${id}`])
  })

  it('leaves no audit entry and no event when an upload, an edit or a delete is refused', async () => {
    const db = store().db
    const { id } = (await uploadAs(editor, 'hero.png', await picture('#604020'))).json<{
      id: number
    }>()
    await buildArticle(db, { heroMediaId: id })
    const refusals: [string, () => Promise<{ statusCode: number }>, number][] = [
      ['not a picture', () => uploadAs(editor, 'notes.png', Buffer.from('plain text')), 415],
      [
        'a focal point off the picture',
        () =>
          editor.request({
            method: 'PATCH',
            url: `/api/admin/media/${id}`,
            payload: { focalPoint: { x: 2, y: 0 } },
          }),
        400,
      ],
      [
        'an unknown item',
        () => editor.request({ method: 'PATCH', url: '/api/admin/media/987654', payload: {} }),
        404,
      ],
      [
        'an item an article shows',
        () => editor.request({ method: 'DELETE', url: `/api/admin/media/${id}` }),
        409,
      ],
    ]
    for (const [name, write, status] of refusals) {
      const refused = await trackWrite(db, write)
      expect([name, refused.response.statusCode]).toEqual([name, status])
      expect([name, refused.audit, refused.events]).toEqual([name, [], []])
    }
  })

  it('records one audit entry and one gallery event per gallery write, none for a refused one', async () => {
    const db = store().db
    const [first, second] = await Promise.all(
      ['#0a3050', '#500a30'].map(
        async (color) =>
          (await uploadAs(editor, `${color}.png`, await picture(color))).json<{ id: number }>().id,
      ),
    )
    const created = await trackWrite(db, () =>
      editor.request({
        method: 'POST',
        url: '/api/admin/galleries',
        payload: { title: { en: 'Harbour' }, items: [{ mediaId: first }, { mediaId: second }] },
      }),
    )
    expect(created.response.statusCode, created.response.body).toBe(201)
    const { id } = created.response.json<{ id: number }>()
    expect(created.audit).toEqual([entryOf('gallery.created', 'gallery', id)])
    expect(created.events).toEqual([`gallery.created ${id}`])

    const reordered = await trackWrite(db, () =>
      editor.request({
        method: 'PATCH',
        url: `/api/admin/galleries/${id}`,
        payload: { items: [{ mediaId: second }, { mediaId: first }] },
      }),
    )
    expect(reordered.response.statusCode, reordered.response.body).toBe(200)
    expect(reordered.audit).toEqual([entryOf('gallery.updated', 'gallery', id)])
    expect(reordered.events).toEqual([`gallery.updated ${id}`])

    const shown = await buildArticle(db, { heroGalleryId: id })
    for (const [write, status] of [
      [
        () =>
          editor.request({
            method: 'POST',
            url: '/api/admin/galleries',
            payload: { title: { en: 'Lost' }, items: [{ mediaId: 987654 }] },
          }),
        400,
      ],
      [() => editor.request({ method: 'DELETE', url: `/api/admin/galleries/${id}` }), 409],
    ] as const) {
      const refused = await trackWrite(db, write)
      expect(refused.response.statusCode).toBe(status)
      expect([refused.audit, refused.events]).toEqual([[], []])
    }

    await db.updateTable('articles').set({ heroGalleryId: null }).where('id', '=', shown).execute()
    const deleted = await trackWrite(db, () =>
      editor.request({ method: 'DELETE', url: `/api/admin/galleries/${id}` }),
    )
    expect(deleted.response.statusCode, deleted.response.body).toBe(204)
    expect(deleted.audit).toEqual([entryOf('gallery.deleted', 'gallery', id)])
    expect(deleted.events).toEqual([`gallery.deleted ${id}`])
  })
})
