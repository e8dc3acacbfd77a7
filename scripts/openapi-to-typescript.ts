/**
 * TypeScript types from the OpenAPI 3.1 document: one type per component schema and, per
 * operation, its path parameters, query, body and success response. Covers the JSON Schema that
 * zod's toJSONSchema writes (objects, arrays, tuples, unions, enums, constants, $ref); anything
 * else becomes `unknown`, never a wrong type.
 */

type Schema = Record<string, unknown>

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: Schema
}

interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>
}

/** The parts of the document the types come from. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** A component's name as a type name: `getApiAdminTagsQuery___schema0` → `GetApiAdminTagsQuerySchema0`. */
export function typeName(component: string): string {
  return component
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')
}

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name)
}

function comment(schema: Schema, indent: string): string {
  const text = schema['description']
  return typeof text === 'string' ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : ''
}

function objectType(schema: Schema, indent: string): string {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>
  const required = new Set((schema['required'] ?? []) as string[])
  const inner = `${indent}  `
  const lines = Object.entries(properties).map(
    ([name, property]) =>
      `${comment(property, inner)}${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${toType(property, inner)}`,
  )
  const extra = schema['additionalProperties']
  if (extra !== undefined && extra !== false)
    lines.push(
      `${inner}[key: string]: ${extra === true ? 'unknown' : toType(extra as Schema, inner)}`,
    )
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n${indent}}`
}

const union = (types: string[]) => [...new Set(types)].join(' | ')

/** The TypeScript type of one JSON Schema, written at `indent`. */
export function toType(schema: Schema | boolean, indent = ''): string {
  if (schema === true) return 'unknown'
  if (schema === false) return 'never'
  const reference = schema['$ref']
  if (typeof reference === 'string') return typeName(reference.split('/').at(-1) ?? '')
  if ('const' in schema) return JSON.stringify(schema['const'])
  if (Array.isArray(schema['enum']))
    return union(schema['enum'].map((value) => JSON.stringify(value)))
  const alternatives = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined
  if (alternatives)
    return union(alternatives.map((alternative) => wrap(toType(alternative, indent))))
  if (Array.isArray(schema['allOf']))
    return (schema['allOf'] as Schema[]).map((part) => wrap(toType(part, indent))).join(' & ')
  const type = schema['type']
  if (Array.isArray(type))
    return union(type.map((one: string) => toType({ ...schema, type: one }, indent)))
  switch (type) {
    case 'string':
      return 'string'
    case 'number':
    case 'integer':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'null':
      return 'null'
    case 'array': {
      const tuple = schema['prefixItems'] as Schema[] | undefined
      if (tuple) return `[${tuple.map((item) => toType(item, indent)).join(', ')}]`
      return `${wrap(toType((schema['items'] ?? true) as Schema, indent))}[]`
    }
    case 'object':
      return objectType(schema, indent)
    default:
      return schema['properties'] ? objectType(schema, indent) : 'unknown'
  }
}

/** Parenthesises a union or intersection where it becomes an array item or a union member. */
function wrap(type: string): string {
  let depth = 0
  let quoted = false
  for (let index = 0; index < type.length; index++) {
    const character = type[index]
    if (quoted) {
      if (character === '\\') index++
      else if (character === '"') quoted = false
    } else if (character === '"') quoted = true
    else if ('{[('.includes(character!)) depth++
    else if ('}])'.includes(character!)) depth--
    else if (depth === 0 && (character === '|' || character === '&')) return `(${type})`
  }
  return type
}

function parametersType(parameters: Parameter[], location: string, indent: string): string {
  return objectType(
    {
      properties: Object.fromEntries(
        parameters.filter((p) => p.in === location).map((p) => [p.name, p.schema ?? {}]),
      ),
      required: parameters.filter((p) => p.in === location && p.required).map((p) => p.name),
    },
    indent,
  )
}

function jsonSchemaOf(part: { content?: Record<string, { schema?: Schema }> } | undefined) {
  return part?.content?.['application/json']?.schema
}

function operationType(operation: Operation): string {
  const indent = '    '
  const parameters = operation.parameters ?? []
  const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2/.test(status))
  const response = success?.[0] === '204' ? undefined : jsonSchemaOf(success?.[1])
  const body = jsonSchemaOf(operation.requestBody)
  return [
    `  ${operation.operationId}: {`,
    `${indent}params: ${parametersType(parameters, 'path', indent)}`,
    `${indent}query: ${parametersType(parameters, 'query', indent)}`,
    `${indent}body: ${body ? toType(body, indent) : 'undefined'}`,
    `${indent}response: ${response ? toType(response, indent) : success?.[0] === '204' ? 'undefined' : 'unknown'}`,
    '  }',
  ].join('\n')
}

/** The whole module: component types, then `Operations` keyed by operationId. */
export function openApiToTypeScript(document: OpenApiDocument, generator: string): string {
  const components = Object.entries(document.components?.schemas ?? {}).map(
    ([name, schema]) => `${comment(schema, '')}export type ${typeName(name)} = ${toType(schema)}\n`,
  )
  const operations = Object.values(document.paths).flatMap((methods) =>
    Object.values(methods).map(operationType),
  )
  return [
    `// Generated by ${generator} from the server's OpenAPI document. Do not edit; not in git.\n`,
    ...components,
    '/** Every operation of the API by operationId: its parameters, body and success answer. */',
    `export interface Operations {\n${operations.join('\n')}\n}\n`,
  ].join('\n')
}
