import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/modules/access/actor.js'
import { createSectionService } from '../../../src/modules/sections/section-service.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, nextSequence, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const failureOf = (response: LightMyRequestResponse) => [
  response.statusCode,
  response.json<{ errors: { code: string }[] }>().errors[0]?.code,
]

const translations = (slug: string) => ({
  en: { name: `Section ${slug}`, slug },
  ar: { name: `قسم ${slug}`, slug: `قسم-${slug}` },
})

describeEachDatabase('writing sections through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  const sectionCount = async () =>
    Number(
      (
        await store()
          .db.selectFrom('sections')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    )

  it('creates a section with one audit entry and one created event', async () => {
    const recorded = await markRecordedChanges(store().db)
    const response = await editor.request({
      method: 'POST',
      url: '/api/admin/sections',
      payload: { translations: translations(`harbours-${nextSequence()}`) },
    })
    expect(response.statusCode).toBe(201)
    const { id } = response.json<{ id: number }>()
    expect(await recorded()).toEqual({
      audit: [`section.created section ${id} user 127.0.0.1`],
      events: [`section.created ${id}`],
    })
  })

  it('renames and moves a section with one audit entry and one updated event', async () => {
    const parent = await buildSection(store().db)
    const id = await buildSection(store().db)
    const recorded = await markRecordedChanges(store().db)
    const response = await editor.request({
      method: 'PATCH',
      url: `/api/admin/sections/${id}`,
      payload: { parentId: parent, translations: { en: { name: 'Ports', slug: 'ports' } } },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      id,
      parentId: parent,
      translations: { en: { name: 'Ports', slug: 'ports' } },
    })
    expect(await recorded()).toEqual({
      audit: [`section.updated section ${id} user 127.0.0.1`],
      events: [`section.updated ${id}`],
    })
  })

  it('refuses a slug another section has with 409, recording and leaving nothing', async () => {
    const slug = `taken-${nextSequence()}`
    await buildSection(store().db, { slug })
    const other = await buildSection(store().db)
    const before = await sectionCount()
    const recorded = await markRecordedChanges(store().db)
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/sections',
      payload: { translations: translations(slug) },
    })
    expect(failureOf(created)).toEqual([409, 'CONFLICT'])
    const renamed = await editor.request({
      method: 'PATCH',
      url: `/api/admin/sections/${other}`,
      payload: { position: 7, translations: { en: { name: 'Taken', slug } } },
    })
    expect(failureOf(renamed)).toEqual([409, 'CONFLICT'])
    expect(await recorded()).toEqual({ audit: [], events: [] })
    // The section row of the refused create went with its translations; the refused move too.
    expect(await sectionCount()).toBe(before)
    const listed = await editor.request({ method: 'GET', url: '/api/admin/sections' })
    const otherNow = listed
      .json<{ items: { id: number; position: number }[] }>()
      .items.find((section) => section.id === other)
    expect(otherNow?.position).toBe(0)
  })

  it('refuses to put a section under itself or under a missing parent, recording nothing', async () => {
    const top = await buildSection(store().db)
    const below = await buildSection(store().db, { parentId: top })
    const recorded = await markRecordedChanges(store().db)
    const cycle = await editor.request({
      method: 'PATCH',
      url: `/api/admin/sections/${top}`,
      payload: { parentId: below },
    })
    expect(failureOf(cycle)).toEqual([400, 'VALIDATION_FAILED'])
    const orphan = await editor.request({
      method: 'POST',
      url: '/api/admin/sections',
      payload: { parentId: 999_999, translations: translations(`orphan-${nextSequence()}`) },
    })
    expect(failureOf(orphan)).toEqual([400, 'VALIDATION_FAILED'])
    const missing = await editor.request({
      method: 'PATCH',
      url: '/api/admin/sections/999999',
      payload: { position: 1 },
    })
    expect(failureOf(missing)).toEqual([404, 'NOT_FOUND'])
    expect(await recorded()).toEqual({ audit: [], events: [] })
  })

  it('checks the permission itself: an author calling the service writes nothing', async () => {
    const sections = createSectionService({
      db: store().db,
      clock: fixedClock(TEST_NOW),
      outbox: { deliver: () => Promise.resolve() },
    })
    const before = await sectionCount()
    const recorded = await markRecordedChanges(store().db)
    await expect(
      sections.create(
        { actor: { kind: 'user', userId: 1, role: 'author', name: 'An author' }, ipAddress: null },
        { translations: translations(`refused-${nextSequence()}`) },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await recorded()).toEqual({ audit: [], events: [] })
    expect(await sectionCount()).toBe(before)
  })

  it('records a change made by Masthead itself as the system, from no address', async () => {
    const sections = createSectionService({
      db: store().db,
      clock: fixedClock(TEST_NOW),
      outbox: { deliver: () => Promise.resolve() },
    })
    const recorded = await markRecordedChanges(store().db)
    const section = await sections.create(
      { actor: systemActor, ipAddress: null },
      { translations: translations(`system-${nextSequence()}`) },
    )
    expect(await recorded()).toEqual({
      audit: [`section.created section ${section.id} system null`],
      events: [`section.created ${section.id}`],
    })
  })
})
