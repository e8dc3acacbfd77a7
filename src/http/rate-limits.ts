import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.js'
import type { Clock } from '../platform/clock.js'
import type { LimitSpec } from '../platform/limits/limit-counters.js'
import type { SharedLimits } from '../platform/limits/shared-limits.js'

const MINUTE_MS = 60_000

/** The routes that search: the site's search page of every edition, and the content API's. */
const SEARCH_ROUTES: ReadonlySet<string> = new Set(['/:lang/search', '/api/v1/search'])

/**
 * Per-address limits, per minute: every request to the public content API counts against `api`,
 * and every search also against `search` (searches cost the most to answer). Over a limit the
 * answer is 429 with Retry-After. A request is matched by the route it resolved to, so no
 * spelling of its path (`/en/%73earch`) escapes, and counted for the whole machine (SharedLimits).
 * The Admin API is for signed-in people and tokens, and a whole newsroom may share one address,
 * so only its sign-in is limited (by the login throttle). Answers from the page cache are served
 * before this hook and cost next to nothing, so they are not counted. The address is the
 * client's as the configured proxies report it (MASTHEAD_TRUST_PROXY).
 */
export function registerRateLimits(
  app: FastifyInstance,
  options: { clock: Clock; limits: SharedLimits; perMinute: { api: number; search: number } },
): void {
  const checks: { matches: (route: string) => boolean; spec: LimitSpec; what: string }[] = []
  if (options.perMinute.search > 0)
    checks.push({
      matches: (route) => SEARCH_ROUTES.has(route),
      spec: { name: 'searches', limit: options.perMinute.search, windowMs: MINUTE_MS },
      what: 'searches',
    })
  if (options.perMinute.api > 0)
    checks.push({
      matches: (route) => route.startsWith('/api/v1/'),
      spec: { name: 'content-api', limit: options.perMinute.api, windowMs: MINUTE_MS },
      what: 'requests to the content API',
    })
  if (checks.length === 0) return

  // onRequest runs after routing: routeOptions.url is the route's own pattern, however the path
  // was spelled (undefined when no route matched).
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url
    if (route === undefined) return
    const now = options.clock.now()
    for (const { matches, spec, what } of checks) {
      if (!matches(route)) continue
      const decision = await options.limits.hit(spec, request.ip, now)
      if (decision.isAllowed) continue
      const seconds = decision.secondsUntilReset
      throw new AppError('TOO_MANY_REQUESTS', `Too many ${what}; try again in ${seconds} s`, {
        retryAfterSeconds: seconds,
      })
    }
  })
}
