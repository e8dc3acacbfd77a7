import type { FastifyInstance } from 'fastify'

/** The three faces of the server, each with its own Content-Security-Policy. */
export type Surface = 'site' | 'admin' | 'api'

export function surfaceOf(url: string): Surface {
  if (url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?')) return 'admin'
  if (url.startsWith('/api/')) return 'api'
  return 'site'
}

type Directives = Record<string, string[]>

// No inline script anywhere: the site's one script and the newsroom app's bundles are files of
// our own origin. JSON-LD blocks are data, which CSP does not govern.
const SITE_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Imported archives may still point at images on their old host.
  'img-src': ["'self'", 'data:', 'https:'],
  'media-src': ["'self'", 'https:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
}

const ADMIN_DIRECTIVES: Directives = {
  ...SITE_DIRECTIVES,
  // TipTap injects its base stylesheet as a <style> element; style cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Images chosen for upload are previewed from blob: URLs before they reach the server.
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'frame-ancestors': ["'none'"],
}

const API_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
}

function serialize(directives: Directives, upgradeInsecure: boolean): string {
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`)
  if (upgradeInsecure) parts.push('upgrade-insecure-requests')
  return parts.join('; ')
}

/** The policy text of each surface, built once. */
export function contentSecurityPolicies(isHttps: boolean): Record<Surface, string> {
  return {
    site: serialize(SITE_DIRECTIVES, isHttps),
    admin: serialize(ADMIN_DIRECTIVES, isHttps),
    api: serialize(API_DIRECTIVES, false),
  }
}

const ONE_YEAR_SECONDS = 31_536_000

/** The security headers of each surface, built once; `headersFor(url)` picks a URL's. */
export function createSecurityHeaders(
  siteUrl: string,
): (url: string) => Readonly<Record<string, string>> {
  const isHttps = siteUrl.startsWith('https:')
  const policies = contentSecurityPolicies(isHttps)
  const headersOf = (surface: Surface): Readonly<Record<string, string>> =>
    Object.freeze({
      'content-security-policy': policies[surface],
      'x-content-type-options': 'nosniff',
      'referrer-policy': surface === 'site' ? 'strict-origin-when-cross-origin' : 'same-origin',
      'x-frame-options': surface === 'site' ? 'SAMEORIGIN' : 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      ...(isHttps && { 'strict-transport-security': `max-age=${ONE_YEAR_SECONDS}` }),
    })
  const bySurface = { site: headersOf('site'), admin: headersOf('admin'), api: headersOf('api') }
  return (url) => bySurface[surfaceOf(url)]
}

/**
 * Adds the security headers to every response: a Content-Security-Policy per surface,
 * X-Content-Type-Options, Referrer-Policy, no framing of the newsroom or the API, and HSTS when
 * the site is served over https (behind TLS, so never on a plain-http development server).
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  headersFor: (url: string) => Readonly<Record<string, string>>,
): void {
  app.addHook('onSend', async (request, reply) => {
    reply.headers(headersFor(request.url))
  })
}
