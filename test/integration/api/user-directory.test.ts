import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApiToken } from '../../../src/modules/access/api-tokens.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { buildUser, signIn, signInAs } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('the directory of newsroom accounts', (store) => {
  let app: FastifyInstance

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
  })
  afterAll(() => app.close())

  const directoryAs = (client: Awaited<ReturnType<typeof signIn>>) =>
    client.request({ method: 'GET', url: '/api/admin/users/directory' })

  it('lists every account to an editor by name and email, and nothing more of it', async () => {
    const writer = await buildUser(store().db, 'author')
    const editor = await signInAs(app, store().db, 'editor')
    const response = await directoryAs(editor)
    expect(response.statusCode, response.body).toBe(200)
    const { items } = response.json<{ items: Record<string, unknown>[] }>()
    expect(items).toContainEqual({
      id: writer.id,
      name: 'Test author',
      email: writer.email,
      isDisabled: false,
    })
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(['email', 'id', 'isDisabled', 'name'])
  })

  it('is closed to authors and to API tokens of any scope', async () => {
    const author = await signIn(app, await buildUser(store().db, 'author'))
    expect((await directoryAs(author)).statusCode).toBe(403)
    const { token } = await createApiToken(
      store().db,
      { name: 'directory probe', scopes: ['publish'], createdBy: null },
      TEST_NOW,
    )
    const byToken = await app.inject({
      method: 'GET',
      url: '/api/admin/users/directory',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(byToken.statusCode).toBe(403)
  })
})
