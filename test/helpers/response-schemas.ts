import type { LightMyRequestResponse } from 'fastify'
import type { z } from 'zod'
import { describeRoutes } from '../../src/api/describe-api.js'

const ROUTES = describeRoutes('https://news.example')

/** The success body a route declares, by method and route path (`GET /api/admin/articles/:id`). */
export function responseSchemaOf(method: string, url: string): z.ZodType {
  const route = ROUTES.find((candidate) => candidate.method === method && candidate.url === url)
  if (!route) throw new Error(`There is no route ${method} ${url}`)
  if (!route.response) throw new Error(`${method} ${url} declares no response schema`)
  return route.response
}

/** Keys of `sent` that the parse dropped: fields the server sends and the schema does not name. */
function undeclaredKeys(sent: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed))
    return sent.flatMap((item, index) => undeclaredKeys(item, parsed[index], `${path}[${index}]`))
  if (!sent || typeof sent !== 'object' || !parsed || typeof parsed !== 'object') return []
  return Object.entries(sent).flatMap(([key, value]) =>
    key in parsed
      ? undeclaredKeys(value, (parsed as Record<string, unknown>)[key], `${path}.${key}`)
      : [`${path}.${key} is sent but not declared`],
  )
}

/**
 * What is untrue in a response schema about one answer: each field that does not fit it, and each
 * field the answer carries that the schema leaves out. Empty when the schema tells the truth.
 */
export function responseSchemaProblems(schema: z.ZodType, body: unknown): string[] {
  const result = schema.safeParse(body)
  if (!result.success)
    return result.error.issues.map((issue) => `$.${issue.path.join('.')}: ${issue.message}`)
  return undeclaredKeys(body, result.data, '$')
}

/** The problems of a real answer against the schema its route declares; throws on a non-2xx. */
export function problemsOfAnswer(
  method: string,
  url: string,
  response: LightMyRequestResponse,
): string[] {
  if (response.statusCode < 200 || response.statusCode > 299)
    throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`)
  return responseSchemaProblems(responseSchemaOf(method, url), response.json())
}
