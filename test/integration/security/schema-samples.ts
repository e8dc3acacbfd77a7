/** A JSON Schema node as the OpenAPI document gives it (the parts the sweep reads). */
export interface SchemaNode {
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, SchemaNode>
  required?: string[]
  items?: SchemaNode
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  minimum?: number
  minLength?: number
  minItems?: number
  $ref?: string
}

const FUTURE = '2031-01-01T00:00:00.000Z'

/** A plausible valid value for a schema: required fields only, the first choice of each union. */
export function sampleOf(schema: SchemaNode | undefined, name = ''): unknown {
  if (!schema || schema.$ref) return undefined
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  const choice = schema.anyOf ?? schema.oneOf
  if (choice) return sampleOf(choice.find((option) => option.type !== 'null') ?? choice[0], name)
  const type = [schema.type ?? 'string'].flat().find((candidate) => candidate !== 'null')
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, sampleOf(schema.properties?.[key], key)]),
      )
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, name))
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1)
    case 'boolean':
      return false
    default:
      return sampleString(schema, name)
  }
}

function sampleString(schema: SchemaNode, name: string): string {
  if (schema.format === 'email' || name === 'email') return 'sweep@newsroom.example'
  if (schema.format === 'uri' || /url$/i.test(name)) return 'https://sweep.example/feed'
  if (schema.format === 'date-time') return FUTURE
  if (/password/i.test(name)) return 'a long enough sweep password'
  if (name === 'language') return 'en'
  return 'sweep'.padEnd(schema.minLength ?? 0, 'x')
}

/** Whether a field takes free text (a string that is not one of a fixed list). */
function takesText(schema: SchemaNode): boolean {
  if (schema.enum || schema.const !== undefined) return false
  if ((schema.anyOf ?? schema.oneOf ?? []).some(takesText)) return true
  return [schema.type].flat().includes('string')
}

/**
 * Every place in a body that takes free text: each such property, inside nested objects and array
 * items. Numbers, booleans and fixed choices are left out: their schema refuses any string before
 * it could reach a query.
 */
export function textFieldPaths(schema: SchemaNode | undefined, depth = 0): string[][] {
  if (!schema || depth > 3) return []
  const object = schema.properties
    ? schema
    : (schema.anyOf ?? schema.oneOf ?? []).find((option) => option.properties)
  if (!object?.properties) return []
  const paths: string[][] = []
  for (const [key, property] of Object.entries(object.properties)) {
    if (takesText(property)) paths.push([key])
    const items = property.items ?? (property.anyOf ?? []).find((option) => option.items)?.items
    if (items) {
      if (takesText(items)) paths.push([key, '0'])
      for (const inner of textFieldPaths(items, depth + 1)) paths.push([key, '0', ...inner])
    }
    for (const inner of textFieldPaths(property, depth + 1)) paths.push([key, ...inner])
  }
  return paths
}

/** A copy of `body` with `value` at `path`, making the objects and arrays on the way. */
export function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  const root = structuredClone(body ?? {}) as Record<string, unknown>
  let node: Record<string, unknown> = root
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value
      return
    }
    const next = node[key]
    if (next === null || typeof next !== 'object') {
      node[key] = /^\d+$/.test(path[index + 1] ?? '') ? [] : {}
    }
    node = node[key] as Record<string, unknown>
  })
  return root
}
