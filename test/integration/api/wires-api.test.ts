import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, buildSource } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

describeEachDatabase('wire desk writes through the Admin API', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-wires-api-'))
  let app: FastifyInstance
  let editor: NewsroomClient
  let author: NewsroomClient
  let agencyId: number

  /** A folder feed's folder holding one ninjs story per file. */
  function dropStories(folder: string, stories: { uri: string; headline: string }[]): void {
    mkdirSync(join(dataDir, 'wires', folder), { recursive: true })
    for (const [index, story] of stories.entries()) {
      writeFileSync(
        join(dataDir, 'wires', folder, `story-${index}.json`),
        JSON.stringify({ ...story, body_text: 'From the agency.' }),
      )
    }
  }

  const entryOf = (client: NewsroomClient, action: string, entityType: string, id: number) => ({
    action,
    entityType,
    entityId: String(id),
    actorType: 'user',
    actorId: client.userId,
  })

  beforeAll(async () => {
    await buildEditions(store().db)
    await buildSection(store().db, { slug: 'city' })
    agencyId = await buildSource(store().db)
    app = await createTestApp(store(), { env: { MASTHEAD_DATA_DIR: dataDir } })
    editor = await signInAs(app, store().db, 'editor')
    author = await signInAs(app, store().db, 'author')
  })
  afterAll(async () => {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const addFeed = (client: NewsroomClient, fields: Record<string, unknown>) =>
    client.request({
      method: 'POST',
      url: '/api/admin/wires/feeds',
      payload: { sourceId: agencyId, name: 'Agency', format: 'ninjs', language: 'en', ...fields },
    })

  it('records one audit entry and no event for each feed write and for a poll now', async () => {
    const db = store().db
    dropStories('desk', [{ uri: 'urn:desk:1', headline: 'Ferry timetable changes' }])
    const created = await trackWrite(db, () => addFeed(editor, { folder: 'desk' }))
    expect(created.response.statusCode, created.response.body).toBe(201)
    const { id } = created.response.json<{ id: number }>()
    expect(created.audit).toEqual([entryOf(editor, 'wire_feed.created', 'wire_feed', id)])
    expect(created.events).toEqual([])

    const renamed = await trackWrite(db, () =>
      editor.request({
        method: 'PATCH',
        url: `/api/admin/wires/feeds/${id}`,
        payload: { name: 'Agency desk' },
      }),
    )
    expect(renamed.response.statusCode, renamed.response.body).toBe(200)
    expect(renamed.response.json()).toMatchObject({ id, name: 'Agency desk' })
    expect(renamed.audit).toEqual([entryOf(editor, 'wire_feed.updated', 'wire_feed', id)])
    expect(renamed.events).toEqual([])

    const polled = await trackWrite(db, () =>
      editor.request({ method: 'POST', url: `/api/admin/wires/feeds/${id}/poll` }),
    )
    expect(polled.response.statusCode, polled.response.body).toBe(200)
    expect(polled.response.json()).toMatchObject({ outcome: { status: 'stored', added: 1 } })
    expect(polled.audit).toEqual([entryOf(editor, 'wire_feed.polled', 'wire_feed', id)])
    expect(polled.events).toEqual([])

    const deleted = await trackWrite(db, () =>
      editor.request({ method: 'DELETE', url: `/api/admin/wires/feeds/${id}` }),
    )
    expect(deleted.response.statusCode, deleted.response.body).toBe(204)
    expect(deleted.audit).toEqual([entryOf(editor, 'wire_feed.deleted', 'wire_feed', id)])
    expect(deleted.events).toEqual([])
  })

  it('leaves no audit entry and no event when a feed write is refused', async () => {
    const db = store().db
    const refusals: [string, () => ReturnType<NewsroomClient['request']>, number][] = [
      ['an unknown agency', () => addFeed(editor, { folder: 'desk', sourceId: 987654 }), 400],
      [
        'both a url and a folder',
        () => addFeed(editor, { folder: 'desk', url: 'https://wire.example/feed.json' }),
        400,
      ],
      ['an author', () => addFeed(author, { folder: 'desk' }), 403],
      [
        'an unknown feed',
        () =>
          editor.request({
            method: 'PATCH',
            url: '/api/admin/wires/feeds/987654',
            payload: { name: 'x' },
          }),
        404,
      ],
      [
        'a poll of an unknown feed',
        () => editor.request({ method: 'POST', url: '/api/admin/wires/feeds/987654/poll' }),
        404,
      ],
    ]
    for (const [name, write, status] of refusals) {
      const refused = await trackWrite(db, write)
      expect([name, refused.response.statusCode]).toEqual([name, status])
      expect([name, refused.audit, refused.events]).toEqual([name, [], []])
    }
  })

  it('makes the draft and marks the item used together, or neither when the draft is refused', async () => {
    const db = store().db
    dropStories('use', [{ uri: 'urn:use:1', headline: 'Harbour dredging starts' }])
    const feed = (await addFeed(editor, { folder: 'use' })).json<{ id: number }>()
    await editor.request({ method: 'POST', url: `/api/admin/wires/feeds/${feed.id}/poll` })
    const item = await db
      .selectFrom('wireItems')
      .select('id')
      .where('guid', '=', 'urn:use:1')
      .executeTakeFirstOrThrow()
    const statusOf = async () =>
      db
        .selectFrom('wireItems')
        .select(['status', 'usedBy', 'articleId'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow()
    const articleCount = async () => (await db.selectFrom('articles').select('id').execute()).length
    const use = (section: string) => () =>
      author.request({
        method: 'POST',
        url: `/api/admin/wires/items/${item.id}/use`,
        payload: { section },
      })

    // The section is unknown only once the item is taken: the draft fails inside the transaction.
    const articlesBefore = await articleCount()
    const refused = await trackWrite(db, use('no-such-section'))
    expect(refused.response.statusCode, refused.response.body).toBe(400)
    expect([refused.audit, refused.events]).toEqual([[], []])
    expect(await statusOf()).toEqual({ status: 'new', usedBy: null, articleId: null })
    expect(await articleCount()).toBe(articlesBefore)

    const used = await trackWrite(db, use('city'))
    expect(used.response.statusCode, used.response.body).toBe(201)
    const { article } = used.response.json<{ article: { id: number } }>()
    expect(used.audit).toEqual([entryOf(author, 'article.create', 'article', article.id)])
    expect(used.events).toEqual([`article.created ${article.id}`])
    expect(await statusOf()).toEqual({
      status: 'used',
      usedBy: author.userId,
      articleId: article.id,
    })
  })

  it('gives one draft when two people use the same item at once', async () => {
    const db = store().db
    dropStories('race', [{ uri: 'urn:race:1', headline: 'Bridge reopens' }])
    const feed = (await addFeed(editor, { folder: 'race' })).json<{ id: number }>()
    await editor.request({ method: 'POST', url: `/api/admin/wires/feeds/${feed.id}/poll` })
    const item = await db
      .selectFrom('wireItems')
      .select('id')
      .where('guid', '=', 'urn:race:1')
      .executeTakeFirstOrThrow()
    const both = await trackWrite(db, () =>
      Promise.all(
        [author, editor].map((client) =>
          client.request({
            method: 'POST',
            url: `/api/admin/wires/items/${item.id}/use`,
            payload: { section: 'city' },
          }),
        ),
      ),
    )
    expect(both.response.map((response) => response.statusCode).sort()).toEqual([201, 409])
    expect(both.audit.map((entry) => entry.action)).toEqual(['article.create'])
    expect(both.events).toHaveLength(1)
  })
})
