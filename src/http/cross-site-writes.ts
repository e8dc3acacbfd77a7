import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.js'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** What `Sec-Fetch-Site` says of a request the site's own pages (or the person) started. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none'])

/** The origin of a URL (`https://news.example`), or undefined when it is not one. */
function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/**
 * Why a browser request comes from another site, or undefined when it comes from the site itself
 * (or from no browser at all). `Sec-Fetch-Site` decides when the browser sent it; otherwise
 * `Origin` must be the configured site's or the request's own (`Host`, or the forwarded host and
 * protocol from a trusted proxy), so the app also works when reached by another name.
 */
export function crossSiteReason(
  request: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>,
  siteOrigin: string,
): string | undefined {
  const fetchSite = request.headers['sec-fetch-site']
  if (fetchSite !== undefined) {
    return OWN_FETCH_SITES.has(String(fetchSite))
      ? undefined
      : `A write from another site (Sec-Fetch-Site: ${String(fetchSite)}) is refused`
  }
  const origin = request.headers.origin
  if (origin === undefined) return undefined
  const trusted = [siteOrigin, originOf(`${request.protocol}://${request.host}`)]
  return trusted.includes(originOf(origin))
    ? undefined
    : `A write from another origin (${origin}) is refused`
}

/**
 * Refuses every Admin API write a browser sent from another site, with 403 CROSS_SITE_REQUEST:
 * cross-site request forgery, sign-in and sign-out included (sign-in has no session, so no CSRF
 * token, to check). Requests with an API token are exempt: a browser cannot attach one to a
 * cross-site request. So are requests with neither `Sec-Fetch-Site` nor `Origin`: browsers send
 * `Origin` on every cross-origin POST, PUT, PATCH and DELETE, so such a request is a script's
 * (curl, an integration), which carries no victim's cookie.
 */
export function registerCrossSiteWriteCheck(
  app: FastifyInstance,
  { siteUrl }: { siteUrl: string },
): void {
  const siteOrigin = new URL(siteUrl).origin
  app.addHook('onRequest', (request, _reply, done) => {
    // The matched route, not the raw URL, so an encoded path cannot slip past the prefix.
    const route = request.routeOptions.url
    const isGuarded =
      UNSAFE_METHODS.has(request.method) &&
      route?.startsWith('/api/admin/') === true &&
      !request.headers.authorization?.startsWith('Bearer ')
    const reason = isGuarded ? crossSiteReason(request, siteOrigin) : undefined
    done(reason ? new AppError('CROSS_SITE_REQUEST', reason) : undefined)
  })
}
