import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAuthorService } from '../../../src/modules/authors/author-service.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildAuthor, buildEditions, nextSequence, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const failureOf = (response: LightMyRequestResponse) => [
  response.statusCode,
  response.json<{ errors: { code: string }[] }>().errors[0]?.code,
]

describeEachDatabase('writing byline profiles through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  const createAuthor = (slug: string) =>
    editor.request({
      method: 'POST',
      url: '/api/admin/authors',
      payload: { slug, name: { en: 'Layla Haddad', ar: 'ليلى حداد' } },
    })

  it('creates a byline profile with one audit entry and one created event', async () => {
    const recorded = await markRecordedChanges(store().db)
    const response = await createAuthor(`layla-${nextSequence()}`)
    expect(response.statusCode).toBe(201)
    const { id } = response.json<{ id: number }>()
    expect(await recorded()).toEqual({
      audit: [`author.created author ${id} user 127.0.0.1`],
      events: [`author.created ${id}`],
    })
  })

  it('changes a byline profile with one audit entry and one updated event', async () => {
    const id = await buildAuthor(store().db)
    const recorded = await markRecordedChanges(store().db)
    const response = await editor.request({
      method: 'PATCH',
      url: `/api/admin/authors/${id}`,
      payload: { bio: { en: 'Covers the ports.' }, links: { site: 'https://layla.example' } },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      id,
      bio: { en: 'Covers the ports.' },
      links: { site: 'https://layla.example' },
    })
    expect(await recorded()).toEqual({
      audit: [`author.updated author ${id} user 127.0.0.1`],
      events: [`author.updated ${id}`],
    })
  })

  it('refuses a slug another profile has, an unknown user and a missing profile, recording nothing', async () => {
    const slug = `taken-${nextSequence()}`
    await createAuthor(slug)
    const id = await buildAuthor(store().db)
    const recorded = await markRecordedChanges(store().db)
    expect(failureOf(await createAuthor(slug))).toEqual([409, 'CONFLICT'])
    const renamed = await editor.request({
      method: 'PATCH',
      url: `/api/admin/authors/${id}`,
      payload: { slug, name: { en: 'Renamed' } },
    })
    expect(failureOf(renamed)).toEqual([409, 'CONFLICT'])
    const unknownUser = await editor.request({
      method: 'PATCH',
      url: `/api/admin/authors/${id}`,
      payload: { userId: 999_999 },
    })
    expect(failureOf(unknownUser)).toEqual([409, 'CONFLICT'])
    const missing = await editor.request({
      method: 'PATCH',
      url: '/api/admin/authors/999999',
      payload: { bio: { en: 'Nobody' } },
    })
    expect(failureOf(missing)).toEqual([404, 'NOT_FOUND'])
    expect(await recorded()).toEqual({ audit: [], events: [] })
    const listed = await editor.request({ method: 'GET', url: '/api/admin/authors' })
    const names = listed.json<{ items: { name: { en?: string } }[] }>().items
    expect(names.map((author) => author.name.en)).not.toContain('Renamed')
  })

  it('checks the permission itself: an author calling the service writes nothing', async () => {
    const authors = createAuthorService({
      db: store().db,
      clock: fixedClock(TEST_NOW),
      outbox: { deliver: () => Promise.resolve() },
    })
    const recorded = await markRecordedChanges(store().db)
    await expect(
      authors.create(
        { actor: { kind: 'user', userId: 1, role: 'author', name: 'An author' }, ipAddress: null },
        { slug: `refused-${nextSequence()}`, name: { en: 'Refused' } },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await recorded()).toEqual({ audit: [], events: [] })
  })
})
