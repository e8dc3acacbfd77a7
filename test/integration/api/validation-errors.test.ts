import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

interface ErrorBody {
  errors: { code: string; message: string; property?: string }[]
}

describeEachDatabase('an Admin API request with several invalid fields', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient

  beforeAll(async () => {
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    await buildEditions(store().db)
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(() => app.close())

  it('names every invalid field of an article, the first one first as before', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: '',
        section: 'news',
        sourceUrl: 'javascript:alert(1)',
        pinnedPosition: 99,
      },
    })
    expect(response.statusCode).toBe(400)
    const { errors } = response.json<ErrorBody>()
    expect(errors.map((error) => [error.code, error.property])).toEqual([
      ['VALIDATION_FAILED', 'headline'],
      ['VALIDATION_FAILED', 'sourceUrl'],
      ['VALIDATION_FAILED', 'pinnedPosition'],
    ])
    expect(errors[0]?.message).toMatch(/^headline: /)
  })

  it('names every invalid setting, and stores none of the change', async () => {
    const refused = await trackWrite(store().db, () =>
      admin.request({
        method: 'PATCH',
        url: '/api/admin/settings',
        payload: { timeZone: 'Mars/Olympus', digitsStyle: 'roman', colors: { accent: 'red' } },
      }),
    )
    expect(refused.response.statusCode).toBe(400)
    const properties = refused.response.json<ErrorBody>().errors.map((error) => error.property)
    expect(properties.sort()).toEqual(['colors.accent', 'digitsStyle', 'timeZone'])
    expect(refused).toMatchObject({ audit: [], events: [] })
  })

  it('names one problem per field when a field breaks two rules', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { language: 'en', headline: 'x', section: 'news', slug: `${'-'.repeat(201)}` },
    })
    expect(response.json<ErrorBody>().errors.map((error) => error.property)).toEqual(['slug'])
  })
})
