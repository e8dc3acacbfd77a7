import { z } from 'zod'
import { ERROR_CODES } from '../errors/codes.js'
import type { RouteDescription } from '../http/api-route.js'

type AnyRoute = RouteDescription

/** Schemas shared between operations (and recursive ones) live in components.schemas. */
type SharedSchemas = Record<string, unknown>

/** zod's name for a definition it extracted without an id of ours (a recursive schema). */
const ANONYMOUS_DEFINITION = /^__schema\d+$/

/**
 * A zod schema as OpenAPI 3.1 JSON Schema. Schemas named with `.meta({ id })` become shared
 * components under that name in answers and `<id>Input` in requests (a request may carry keys an
 * answer never has); the newsroom app's types take these names. Other definitions zod extracts
 * move to components.schemas under a name unique to this operation.
 */
function jsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  shared: SharedSchemas,
  name: string,
): Record<string, unknown> {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' })
  const {
    $schema: _dialect,
    $defs: definitions = {},
    ...rest
  } = converted as Record<string, unknown> & {
    $defs?: Record<string, unknown>
  }
  const componentOf = (definition: string) =>
    ANONYMOUS_DEFINITION.test(definition)
      ? `${name}_${definition}`
      : `${definition}${io === 'input' ? 'Input' : ''}`
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
          ? [key, `#/components/schemas/${componentOf(inner.slice('#/$defs/'.length))}`]
          : key === '$ref' && inner === '#'
            ? [key, `#/components/schemas/${name}`]
            : [key, rewrite(inner)],
      ),
    )
  }
  for (const [definition, body] of Object.entries(definitions)) {
    const component = componentOf(definition)
    const described = rewrite(body)
    if (component in shared && JSON.stringify(shared[component]) !== JSON.stringify(described))
      throw new Error(`Two different schemas are both named ${component}`)
    shared[component] = described
  }
  const result = rewrite(rest) as Record<string, unknown>
  if (JSON.stringify(result).includes(`"#/components/schemas/${name}"`)) shared[name] = result
  return result
}

/** `/api/admin/articles/:id` → `/api/admin/articles/{id}` */
function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}')
}

function parameters(
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  shared: SharedSchemas,
  name: string,
) {
  if (!schema) return []
  const described = jsonSchema(schema, 'input', shared, name) as {
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
  const shared: SharedSchemas = {}
  for (const route of input.routes) {
    const path = openApiPath(route.url)
    const isGuarded = route.access !== 'public'
    const status = String(route.successStatus ?? 200)
    const operationId = `${route.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, next: string | undefined) => (next ?? '').toUpperCase())}`
    const operation: Record<string, unknown> = {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parameters(route.params, 'path', shared, `${operationId}Path`),
        ...parameters(route.query, 'query', shared, `${operationId}Query`),
      ],
      responses: {
        [status]: {
          description: 'Success',
          ...(route.response
            ? {
                content: {
                  'application/json': {
                    schema: jsonSchema(route.response, 'output', shared, `${operationId}Response`),
                  },
                },
              }
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
    if (route.isMultipart) {
      operation['requestBody'] = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
            },
          },
        },
      }
    } else if (route.body) {
      operation['requestBody'] = {
        required: true,
        content: {
          'application/json': {
            schema: jsonSchema(route.body, 'input', shared, `${operationId}Body`),
          },
        },
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
      schemas: shared,
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
