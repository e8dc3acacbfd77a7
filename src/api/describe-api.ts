import type { RouteDescription } from '../http/api-route.js'
import { buildOpenApiDocument } from './openapi.js'
import { apiRouteDescriptions, apiRoutes, type ApiDependencies } from './register-api.js'

/**
 * A stand-in for a dependency that nothing may use: describing the routes only builds them, and
 * a route factory that ran a query or called a service while being built would throw here.
 */
function unusable(path: string): never {
  const stand = new Proxy(function unusableDependency() {}, {
    get: (_target, key) => unusable(`${path}.${String(key)}`),
    apply: () => {
      throw new Error(`${path} was called while only describing the API`)
    },
  })
  return stand as never
}

/** Every API route's description (method, path, access, schemas), built without a database. */
export function describeRoutes(siteUrl: string): RouteDescription[] {
  const given: Partial<ApiDependencies> = { siteUrl }
  const deps = new Proxy(given, {
    get: (target, key) =>
      key in target ? target[key as keyof ApiDependencies] : unusable(`deps.${String(key)}`),
  }) as ApiDependencies
  return apiRouteDescriptions(apiRoutes(deps))
}

/**
 * The OpenAPI document the server serves at /api/openapi.json, built from the route definitions
 * alone: no database, no server. The newsroom app's API types are generated from it.
 */
export function describeApi(input: { siteUrl: string; version: string }): Record<string, unknown> {
  return buildOpenApiDocument({
    routes: describeRoutes(input.siteUrl),
    serverUrl: input.siteUrl,
    version: input.version,
  })
}
