import type { FastifyInstance, RouteOptions } from 'fastify'
import type { Permission } from '../modules/access/permissions.js'

/** Who may call a route: anyone, or a signed-in person or token holding a permission. */
export type RouteAccess = 'public' | { permission: Permission }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
}

/** Every route registered, with its access, for the access matrix test and the OpenAPI check. */
export interface RegisteredRoute {
  method: string
  url: string
  access: RouteAccess
}

/**
 * Makes access fail closed: registering a route that does not declare `config.access` throws, so
 * `buildApp` cannot start with an unguarded route. Returns the list of routes as they register.
 */
export function requireDeclaredAccess(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = []
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access
    if (access === undefined && route.method !== 'HEAD') {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (config.access)`,
      )
    }
    for (const method of [route.method].flat()) {
      if (access && method !== 'HEAD') routes.push({ method, url: route.url, access })
    }
  })
  return routes
}
