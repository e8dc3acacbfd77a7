import { z } from 'zod'
import { ERROR_CODES } from '../errors/codes.js'
import type { ApiRoute } from './api-route.js'

type AnyRoute = ApiRoute<z.ZodType, z.ZodType, z.ZodType>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' })
  return rest
}

/** `/api/admin/articles/:id` → `/api/admin/articles/{id}` */
function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}')
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return []
  const described = jsonSchema(schema, 'input') as {
    properties?: Record<string, unknown>
    required?: string[]
  }
  return Object.entries(described.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (described.required ?? []).includes(name),
    schema: property,
  }))
}

const ERROR_BODY = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERROR_CODES) },
          message: { type: 'string' },
          property: { type: 'string' },
        },
      },
    },
  },
}

/** The OpenAPI 3.1 document of every API route, from the same schemas that validate them. */
export function buildOpenApiDocument(input: {
  routes: AnyRoute[]
  serverUrl: string
  version: string
}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of input.routes) {
    const path = openApiPath(route.url)
    const isGuarded = route.access !== 'public'
    const status = String(route.successStatus ?? 200)
    const operation: Record<string, unknown> = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, next: string | undefined) => (next ?? '').toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses: {
        [status]: {
          description: 'Success',
          ...(route.response
            ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
            : {}),
        },
        '400': { $ref: '#/components/responses/Error' },
        ...(isGuarded
          ? {
              '401': { $ref: '#/components/responses/Error' },
              '403': { $ref: '#/components/responses/Error' },
            }
          : {}),
      },
      ...(isGuarded
        ? {
            security: [{ session: [] }, { bearer: [] }],
            'x-permission': typeof route.access === 'object' ? route.access.permission : undefined,
          }
        : { security: [] }),
    }
    if (route.body) {
      operation['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      }
    }
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Masthead API',
      version: input.version,
      description:
        'The newsroom API (/api/admin, session cookie with X-CSRF-Token, or a bearer token) and the read-only content API (/api/v1).',
    },
    servers: [{ url: input.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'masthead_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Error: {
          description: 'An error with a stable code (see docs/errors.md)',
          content: { 'application/json': { schema: ERROR_BODY } },
        },
      },
    },
  }
}
