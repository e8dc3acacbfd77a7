import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions } from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('the content API settings', (store) => {
  let app: FastifyInstance

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
  })
  afterAll(async () => {
    await app.close()
  })

  it('lists the editions as stored, in menu order', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/settings' })
    expect(response.statusCode).toBe(200)
    expect(response.json<{ editions: unknown }>().editions).toEqual([
      { code: 'en', name: 'English', direction: 'ltr', locale: 'en-GB', isDefault: 1, position: 0 },
      {
        code: 'ar',
        name: 'العربية',
        direction: 'rtl',
        locale: 'ar-u-nu-latn',
        isDefault: 0,
        position: 1,
      },
    ])
  })
})
