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

/**
 * Adds the security headers to every response: a Content-Security-Policy per surface,
 * X-Content-Type-Options, Referrer-Policy, no framing of the newsroom or the API, and HSTS when
 * the site is served over https (behind TLS, so never on a plain-http development server).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { siteUrl: string }): void {
  const isHttps = options.siteUrl.startsWith('https:')
  const policies = contentSecurityPolicies(isHttps)
  app.addHook('onSend', async (request, reply) => {
    const surface = surfaceOf(request.url)
    reply.header('content-security-policy', policies[surface])
    reply.header('x-content-type-options', 'nosniff')
    reply.header(
      'referrer-policy',
      surface === 'site' ? 'strict-origin-when-cross-origin' : 'same-origin',
    )
    reply.header('x-frame-options', surface === 'site' ? 'SAMEORIGIN' : 'DENY')
    reply.header('cross-origin-opener-policy', 'same-origin')
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    if (isHttps) reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}`)
  })
}
