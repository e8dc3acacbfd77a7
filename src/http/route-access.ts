import type { FastifyInstance, RouteOptions } from 'fastify'
import type { UserRole } from '../db/database.js'

/** Who may call a route: anyone, or signed-in users with one of these roles. */
export type RouteAccess = 'public' | { roles: readonly UserRole[] }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
}

/**
 * Makes access fail closed: registering a route that does not declare `config.access` throws, so
 * `buildApp` cannot start with an unguarded route.
 */
export function requireDeclaredAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access
    if (access === undefined && route.method !== 'HEAD') {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (config.access)`,
      )
    }
  })
}
