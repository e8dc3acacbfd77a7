import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.js'
import type { Clock } from '../platform/clock.js'
import { createFixedWindowLimiter, type RateLimiter } from '../platform/fixed-window-limiter.js'

const MINUTE_MS = 60_000

/** Searches: the site's search page of either edition, and the content API's search. */
const SEARCH_PATH = /^\/(?:[a-z]{2}(?:-[a-z]+)?\/search|api\/v1\/search)(?:[/?]|$)/

/**
 * Per-address limits, per minute: every request to the public content API counts against `api`,
 * and every search also against `search` (searches cost the most to answer). Over a limit the
 * answer is 429 with Retry-After. The Admin API is for signed-in people and tokens, and a whole
 * newsroom may share one address, so only its sign-in is limited (by the login throttle); the
 * contact form has its own limit. Answers from the page cache are served before this hook and
 * cost next to nothing, so they are not counted. The address is the client's as the configured
 * proxies report it (MASTHEAD_TRUST_PROXY).
 */
export function registerRateLimits(
  app: FastifyInstance,
  options: { clock: Clock; perMinute: { api: number; search: number } },
): void {
  const limiters: { matches: (url: string) => boolean; limiter: RateLimiter; what: string }[] = []
  if (options.perMinute.search > 0)
    limiters.push({
      matches: (url) => SEARCH_PATH.test(url),
      limiter: createFixedWindowLimiter({ limit: options.perMinute.search, windowMs: MINUTE_MS }),
      what: 'searches',
    })
  if (options.perMinute.api > 0)
    limiters.push({
      matches: (url) => url.startsWith('/api/v1/'),
      limiter: createFixedWindowLimiter({ limit: options.perMinute.api, windowMs: MINUTE_MS }),
      what: 'requests to the content API',
    })
  if (limiters.length === 0) return

  app.addHook('onRequest', (request, _reply, done) => {
    const now = options.clock.now()
    for (const { matches, limiter, what } of limiters) {
      if (!matches(request.url) || limiter.hit(request.ip, now)) continue
      const seconds = limiter.secondsUntilReset(request.ip, now)
      done(
        new AppError('TOO_MANY_REQUESTS', `Too many ${what}; try again in ${seconds} s`, {
          retryAfterSeconds: seconds,
        }),
      )
      return
    }
    done()
  })
}
