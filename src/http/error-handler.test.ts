import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error.js'
import { registerErrorHandler, type ErrorPageRenderer } from './error-handler.js'

/** A page for every path but /api/, naming the code and the id, as the site's renderer does. */
const renderPage: ErrorPageRenderer = (request, error) =>
  request.url.startsWith('/api/') ? undefined : `<p>${error.code} ${request.id}</p>`

async function failingApp(render: ErrorPageRenderer) {
  const app = Fastify({ genReqId: () => 'req-1' })
  registerErrorHandler(app, { renderPage: render })
  const fail = () => {
    throw new Error('secret internal detail')
  }
  app.get('/en/fail', fail)
  app.get('/api/v1/fail', fail)
  app.get('/en/missing', () => {
    throw new AppError('NOT_FOUND', 'There is no such thing')
  })
  app.get('/en/database', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
  })
  await app.ready()
  return app
}

describe('the error handler', () => {
  let app: Awaited<ReturnType<typeof failingApp>>
  beforeAll(async () => {
    app = await failingApp(renderPage)
  })
  afterAll(async () => {
    await app.close()
  })

  it('answers a server error with the rendered page where the renderer makes one', async () => {
    const response = await app.inject('/en/fail')
    expect(response.statusCode).toBe(500)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.body).toBe('<p>INTERNAL req-1</p>')
  })

  it('answers the JSON body where the renderer makes no page', async () => {
    const response = await app.inject('/api/v1/fail')
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({
      errors: [{ code: 'INTERNAL', message: 'Internal server error' }],
    })
  })

  it('keeps JSON for client errors, even where the renderer makes pages', async () => {
    const response = await app.inject('/en/missing')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({
      errors: [{ code: 'NOT_FOUND', message: 'There is no such thing' }],
    })
  })

  it('sends a 503 page with Retry-After when the database is unreachable', async () => {
    const response = await app.inject('/en/database')
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.body).toBe('<p>DATABASE_UNREACHABLE req-1</p>')
  })

  it('falls back to the JSON body when the renderer itself fails', async () => {
    const broken = await failingApp(() => {
      throw new Error('the renderer broke')
    })
    const response = await broken.inject('/en/fail')
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({
      errors: [{ code: 'INTERNAL', message: 'Internal server error' }],
    })
    await broken.close()
  })
})
