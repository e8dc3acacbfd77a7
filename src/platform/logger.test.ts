import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createLoggerOptions, requestContext } from './logger.js'

function capture(): { lines: string[]; logger: pino.Logger } {
  const lines: string[] = []
  const options = createLoggerOptions('info', { write: (line) => lines.push(line) })
  const { stream, ...rest } = options as typeof options & { stream: pino.DestinationStream }
  return { lines, logger: pino(rest as pino.LoggerOptions, stream) }
}

describe('logger options', () => {
  it('redacts credentials in headers, bodies and configuration objects', () => {
    const { lines, logger } = capture()
    logger.info(
      {
        req: { headers: { authorization: 'Bearer tok-123456', cookie: 'masthead_session=abc' } },
        body: { email: 'a@b.example', password: 'hunter2-secret', newPassword: 'next-secret' },
        mail: { smtpUrl: 'smtp://u:smtp-pass@host' },
        created: { token: 'mh_secret_token' },
        headers: { 'x-csrf-token': 'csrf-value' },
      },
      'something happened',
    )
    const line = lines.join('')
    for (const secret of [
      'tok-123456',
      'masthead_session=abc',
      'hunter2-secret',
      'next-secret',
      'smtp-pass',
      'mh_secret_token',
      'csrf-value',
    ])
      expect(line).not.toContain(secret)
    expect(line).toContain('a@b.example')
    expect(line).toContain('[redacted]')
  })

  it('adds the id of the request being served to lines logged outside its logger', () => {
    const { lines, logger } = capture()
    requestContext.run({ reqId: 'req-9' }, () => logger.info('from a service'))
    requestContext.run({ reqId: 'req-9' }, () => logger.child({ reqId: 'req-9' }).info('own'))
    logger.info('outside any request')
    const [service, own, outside] = lines.map((line) => JSON.parse(line) as { reqId?: string })
    expect(service?.reqId).toBe('req-9')
    expect(lines[1]?.match(/"reqId"/g)).toHaveLength(1)
    expect(own?.reqId).toBe('req-9')
    expect(outside?.reqId).toBeUndefined()
  })
})
