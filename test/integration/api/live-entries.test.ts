import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface LiveStory {
  id: number
  type: string
  status: string
  version: number
  coverageState: string | null
  coverageStartedAt: string | null
  coverageEndedAt: string | null
}
interface Entry {
  id: number
  articleId: number
  title: string | null
  bodyHtml: string
  isKeyEvent: boolean
  isPinned: boolean
  createdAt: string
  editedAt: string | null
  author: { userId: number; name: string } | null
}
const errorOf = (response: { json: () => unknown }) =>
  (response.json() as { errors: { code: string; property?: string }[] }).errors[0]

describeEachDatabase('live stories and their entries through the Admin API', (store) => {
  const clock = manualClock(TEST_NOW)
  let app: FastifyInstance
  let editor: NewsroomClient
  let contributor: NewsroomClient
  let sectionId: number

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store(), { clock })
    editor = await signInAs(app, store().db, 'editor')
    contributor = await signInAs(app, store().db, 'contributor')
  })
  afterAll(() => app.close())

  async function createLiveStory(
    client: NewsroomClient,
    overrides: Record<string, unknown> = {},
  ): Promise<LiveStory> {
    const response = await client.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        type: 'live',
        headline: 'Storm crosses the coast: live updates',
        body: '<p>Follow the storm as it moves inland.</p>',
        section: sectionId,
        ...overrides,
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<LiveStory>()
  }

  const post = (client: NewsroomClient, articleId: number, payload: Record<string, unknown>) =>
    client.request({ method: 'POST', url: `/api/admin/articles/${articleId}/entries`, payload })

  describe('the coverage of a live story', () => {
    it('is live from creation, starts at the first publication and ends when an editor ends it', async () => {
      const story = await createLiveStory(editor)
      expect(story).toMatchObject({ type: 'live', coverageState: 'live', coverageStartedAt: null })
      const published = await editor.request({
        method: 'POST',
        url: `/api/admin/articles/${story.id}/transitions`,
        payload: { action: 'publish' },
      })
      expect(published.statusCode, published.body).toBe(200)
      const live = published.json<LiveStory & { publishedAt: string }>()
      expect(live.coverageStartedAt).toBe(live.publishedAt)

      clock.advance(60_000)
      const ended = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${story.id}`,
        payload: { coverageState: 'ended' },
      })
      expect(ended.statusCode, ended.body).toBe(200)
      expect(ended.json<LiveStory>()).toMatchObject({
        coverageState: 'ended',
        coverageEndedAt: clock.now().toISOString(),
        status: 'published',
      })
      const refused = await post(editor, story.id, { body: '<p>One more thing.</p>' })
      expect(refused.statusCode).toBe(409)
      expect(errorOf(refused)?.code).toBe('COVERAGE_ENDED')

      const reopened = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${story.id}`,
        payload: { coverageState: 'live' },
      })
      expect(reopened.json<LiveStory>()).toMatchObject({
        coverageState: 'live',
        coverageEndedAt: null,
        coverageStartedAt: live.publishedAt,
      })
    })

    it('starts when a scheduled live story goes out, and is live in its translation', async () => {
      const story = await createLiveStory(editor)
      const due = new Date(clock.now().getTime() + 60_000).toISOString()
      const scheduled = await editor.request({
        method: 'POST',
        url: `/api/admin/articles/${story.id}/transitions`,
        payload: { action: 'schedule', scheduledAt: due },
      })
      expect(scheduled.statusCode, scheduled.body).toBe(200)
      clock.advance(120_000)
      expect(await app.newsroom.articles.publishDueArticles()).toContain(story.id)
      const published = await editor.request({ url: `/api/admin/articles/${story.id}` })
      expect(published.json<LiveStory>()).toMatchObject({
        status: 'published',
        coverageState: 'live',
        coverageStartedAt: due,
      })

      const translation = await editor.request({
        method: 'POST',
        url: `/api/admin/articles/${story.id}/translations`,
        payload: { language: 'ar' },
      })
      expect(translation.statusCode, translation.body).toBe(201)
      expect(translation.json<LiveStory>()).toMatchObject({
        type: 'live',
        coverageState: 'live',
        coverageStartedAt: null,
      })
    })

    it('is on the rows of the newsroom’s article list, with the type', async () => {
      const story = await createLiveStory(editor, { headline: 'Count night: live results' })
      const list = await editor.request({
        url: '/api/admin/articles',
        query: { q: '', sort: 'updated' },
      })
      expect(list.statusCode, list.body).toBe(200)
      const row = list
        .json<{ items: { id: number; type: string; coverageState: string | null }[] }>()
        .items.find((item) => item.id === story.id)
      expect(row).toMatchObject({ type: 'live', coverageState: 'live' })
    })

    it('is refused on an article of another type, and cleared when the type changes', async () => {
      const report = await createLiveStory(editor, { type: 'report' })
      expect(report.coverageState).toBeNull()
      const refused = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${report.id}`,
        payload: { coverageState: 'ended' },
      })
      expect(refused.statusCode).toBe(400)
      expect(errorOf(refused)?.property).toBe('coverageState')
      const notLive = await post(editor, report.id, { body: '<p>Update</p>' })
      expect(notLive.statusCode).toBe(409)
      expect(errorOf(notLive)?.code).toBe('NOT_A_LIVE_STORY')

      const story = await createLiveStory(editor)
      const changed = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${story.id}`,
        payload: { type: 'analysis' },
      })
      expect(changed.json<LiveStory>()).toMatchObject({ type: 'analysis', coverageState: null })
    })
  })

  describe('entries', () => {
    it('are posted, edited and deleted with one audit entry and one event each', async () => {
      const story = await createLiveStory(editor)
      const recorded = await markRecordedChanges(store().db)
      const created = await post(editor, story.id, {
        title: 'Landfall',
        body: '<p>The storm reached the coast at <strong>noon</strong>.</p><script>x()</script>',
        isKeyEvent: true,
      })
      expect(created.statusCode, created.body).toBe(201)
      const entry = created.json<Entry>()
      expect(entry).toMatchObject({
        articleId: story.id,
        title: 'Landfall',
        isKeyEvent: true,
        isPinned: false,
        createdAt: clock.now().toISOString(),
        editedAt: null,
      })
      expect(entry.bodyHtml).toContain('<strong>noon</strong>')
      expect(entry.bodyHtml).not.toContain('script')
      expect(entry.author?.name).toBeTruthy()

      clock.advance(30_000)
      const edited = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${story.id}/entries/${entry.id}`,
        payload: { body: '<p>The storm reached the coast just before noon.</p>' },
      })
      expect(edited.statusCode, edited.body).toBe(200)
      expect(edited.json<Entry>()).toMatchObject({
        editedAt: clock.now().toISOString(),
        createdAt: entry.createdAt,
        title: 'Landfall',
      })

      const deleted = await editor.request({
        method: 'DELETE',
        url: `/api/admin/articles/${story.id}/entries/${entry.id}`,
      })
      expect(deleted.statusCode).toBe(204)
      const again = await editor.request({
        method: 'DELETE',
        url: `/api/admin/articles/${story.id}/entries/${entry.id}`,
      })
      expect(again.statusCode).toBe(404)

      const { audit, events } = await recorded()
      expect(audit.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
        `live_entry.created live_entry ${entry.id}`,
        `live_entry.updated live_entry ${entry.id}`,
        `live_entry.deleted live_entry ${entry.id}`,
      ])
      expect(events).toEqual([
        `live_entry.created ${entry.id}`,
        `live_entry.updated ${entry.id}`,
        `live_entry.deleted ${entry.id}`,
      ])
      const deletion = await store()
        .db.selectFrom('auditLog')
        .select('details')
        .where('action', '=', 'live_entry.deleted')
        .where('entityId', '=', String(entry.id))
        .executeTakeFirstOrThrow()
      expect(JSON.parse(deletion.details)).toMatchObject({
        articleId: story.id,
        title: 'Landfall',
        text: 'The storm reached the coast just before noon.',
      })
      const event = await store()
        .db.selectFrom('events')
        .select('previous')
        .where('entity', '=', 'live_entry')
        .where('entityId', '=', entry.id)
        .where('action', '=', 'deleted')
        .executeTakeFirstOrThrow()
      const previous: unknown =
        typeof event.previous === 'string' ? JSON.parse(event.previous) : event.previous
      expect(previous).toEqual({ articleId: story.id })
    })

    it('keep one pinned entry at a time and list newest first', async () => {
      const story = await createLiveStory(editor)
      const first = (
        await post(editor, story.id, { body: '<p>First</p>', isPinned: true })
      ).json<Entry>()
      const second = (await post(editor, story.id, { body: '<p>Second</p>' })).json<Entry>()
      clock.advance(60_000)
      const before = await editor.request({ url: `/api/admin/articles/${story.id}/entries` })
      const { nextChangedSince } = before.json<{ nextChangedSince: string }>()
      clock.advance(1_000)
      const pinned = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${story.id}/entries/${second.id}`,
        payload: { isPinned: true },
      })
      // A flag is no rewording: readers are not told the entry was updated.
      expect(pinned.json<Entry>()).toMatchObject({ isPinned: true, editedAt: null })
      const changes = await editor.request({
        url: `/api/admin/articles/${story.id}/entries`,
        query: { changedSince: nextChangedSince },
      })
      expect(
        changes.json<{ items: Entry[] }>().items.map((entry) => [entry.id, entry.isPinned]),
      ).toEqual([
        [second.id, true],
        [first.id, false],
      ])
      const list = await editor.request({ url: `/api/admin/articles/${story.id}/entries` })
      const items = list.json<{ items: Entry[]; total: number }>()
      expect(items.total).toBe(2)
      expect(items.items.map((entry) => [entry.id, entry.isPinned])).toEqual([
        [second.id, true],
        [first.id, false],
      ])
    })

    it('refuse an empty body, an unknown entry and an entry of another story', async () => {
      const story = await createLiveStory(editor)
      const other = await createLiveStory(editor)
      const empty = await post(editor, story.id, { body: '<p>  </p>' })
      expect(empty.statusCode).toBe(400)
      expect(errorOf(empty)).toMatchObject({ code: 'VALIDATION_FAILED', property: 'body' })
      const entry = (await post(editor, story.id, { body: '<p>Here</p>' })).json<Entry>()
      const elsewhere = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${other.id}/entries/${entry.id}`,
        payload: { title: 'Moved?' },
      })
      expect(elsewhere.statusCode).toBe(404)
      const unknown = await editor.request({
        method: 'DELETE',
        url: `/api/admin/articles/${story.id}/entries/2147483647`,
      })
      expect(unknown.statusCode).toBe(404)
    })

    it('answer what changed since a cursor: posted and edited entries, and deleted ids', async () => {
      const story = await createLiveStory(editor)
      const other = await createLiveStory(editor)
      const untouched = (await post(editor, story.id, { body: '<p>Untouched</p>' })).json<Entry>()
      const toEdit = (await post(editor, story.id, { body: '<p>To edit</p>' })).json<Entry>()
      const toDelete = (
        await post(editor, story.id, { body: '<p>To delete</p>', isPinned: true })
      ).json<Entry>()
      clock.advance(60_000)
      const list = await editor.request({ url: `/api/admin/articles/${story.id}/entries` })
      const { nextChangedSince } = list.json<{ nextChangedSince: string }>()
      expect(nextChangedSince).toBe(new Date(clock.now().getTime() - 10_000).toISOString())

      clock.advance(1_000)
      await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${story.id}/entries/${toEdit.id}`,
        payload: { isPinned: true },
      })
      await editor.request({
        method: 'DELETE',
        url: `/api/admin/articles/${story.id}/entries/${toDelete.id}`,
      })
      const posted = (await post(editor, story.id, { body: '<p>New</p>' })).json<Entry>()
      await post(editor, other.id, { body: '<p>Another story</p>' })

      const changes = await editor.request({
        url: `/api/admin/articles/${story.id}/entries`,
        query: { changedSince: nextChangedSince },
      })
      expect(changes.statusCode, changes.body).toBe(200)
      const answer = changes.json<{
        items: Entry[]
        deletedIds: number[]
        nextChangedSince: string
      }>()
      expect(answer.items.map((entry) => [entry.id, entry.isPinned])).toEqual([
        [posted.id, false],
        [toEdit.id, true],
      ])
      expect(answer.items[0]?.author?.name).toBeTruthy()
      expect(answer.deletedIds).toEqual([toDelete.id])
      expect(answer.items.map((entry) => entry.id)).not.toContain(untouched.id)
      expect(answer.nextChangedSince).toBe(new Date(clock.now().getTime() - 10_000).toISOString())

      // The same instant written with an offset: compared as an instant, not as text.
      const sameInstant = new Date(clock.now().getTime() + 3_600_000)
        .toISOString()
        .replace('Z', '+01:00')
      const offset = await editor.request({
        url: `/api/admin/articles/${story.id}/entries`,
        query: { changedSince: sameInstant },
      })
      const offsetAnswer = offset.json<{ items: Entry[]; deletedIds: number[] }>()
      expect(offsetAnswer.items.map((entry) => entry.id)).toEqual([posted.id, toEdit.id])
      expect(offsetAnswer.deletedIds).toEqual([toDelete.id])
      const wrong = await editor.request({
        url: `/api/admin/articles/${story.id}/entries`,
        query: { changedSince: 'yesterday' },
      })
      expect(wrong.statusCode).toBe(400)
    })

    it('are written only by those who may edit the story: not a contributor on a published one', async () => {
      const own = await createLiveStory(contributor)
      const onOwnDraft = await post(contributor, own.id, { body: '<p>From the scene</p>' })
      expect(onOwnDraft.statusCode, onOwnDraft.body).toBe(201)

      const published = await createLiveStory(editor, { status: 'published' })
      const refused = await post(contributor, published.id, { body: '<p>Not mine</p>' })
      expect([403, 404]).toContain(refused.statusCode)
      const count = await store()
        .db.selectFrom('liveEntries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('articleId', '=', published.id)
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(0)
    })
  })
})
