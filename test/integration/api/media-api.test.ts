import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions } from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

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
})
