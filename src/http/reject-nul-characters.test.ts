import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { registerErrorHandler } from './error-handler.js'
import { registerNulCharacterCheck } from './reject-nul-characters.js'

async function echoApp() {
  const app = Fastify()
  registerErrorHandler(app)
  registerNulCharacterCheck(app)
  app.get('/echo', (request) => request.query)
  app.post('/echo', (request) => request.body)
  await app.ready()
  return app
}

describe('the NUL character check', () => {
  it('answers 400 naming the field for a NUL anywhere in a JSON body', async () => {
    const app = await echoApp()
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: { headline: 'fine', seo: { tags: ['ok', 'bad\u0000'] } },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      errors: [
        {
          code: 'VALIDATION_FAILED',
          message: 'Text may not contain NUL characters',
          property: 'seo.tags.1',
        },
      ],
    })
    await app.close()
  })

  it('answers 400 for an encoded NUL in the query and 404 for one in the path', async () => {
    const app = await echoApp()
    for (const [url, status] of [
      ['/echo?q=a%00b', 400],
      ['/echo?q=%00', 400],
      ['/echo/%00', 404],
      ['/echo%00?q=1', 404],
    ] as const) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(status)
    }
    await app.close()
  })

  it('lets everything else through untouched, backslashes and the text "\\u0000" included', async () => {
    const app = await echoApp()
    const body = { text: 'a \\u0000 b \\ c', n: 1, list: [null, true] }
    const posted = await app.inject({ method: 'POST', url: '/echo', payload: body })
    expect(posted.json()).toEqual(body)
    const read = await app.inject({ method: 'GET', url: '/echo?q=%2500%20100%25' })
    expect(read.json()).toEqual({ q: '%00 100%' })
    await app.close()
  })
})
