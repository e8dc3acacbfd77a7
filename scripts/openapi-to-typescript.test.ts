import { describe, expect, it } from 'vitest'
import { openApiToTypeScript, toType, typeName } from './openapi-to-typescript.js'

describe('JSON Schema as TypeScript types', () => {
  it('writes the shapes zod gives: nullable, enums, constants, records, tuples', () => {
    expect(toType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null')
    expect(toType({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"')
    expect(toType({ type: 'string', const: 'doc' })).toBe('"doc"')
    expect(toType({ type: 'integer' })).toBe('number')
    expect(toType({})).toBe('unknown')
    expect(
      toType({
        type: 'object',
        propertyNames: { type: 'string' },
        additionalProperties: { type: 'string' },
      }),
    ).toBe('{\n  [key: string]: string\n}')
    expect(toType({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] })).toBe(
      '[string, number]',
    )
  })

  it('marks optional properties and keeps descriptions as comments', () => {
    expect(
      toType({
        type: 'object',
        properties: { id: { type: 'integer' }, note: { type: 'string', description: 'Why' } },
        required: ['id'],
      }),
    ).toBe('{\n  id: number\n  /** Why */\n  note?: string\n}')
  })

  it('parenthesises a union inside an array, but not a union inside an object', () => {
    const nullableObject = {
      anyOf: [
        {
          type: 'object',
          properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
          required: ['a'],
        },
        { type: 'null' },
      ],
    }
    expect(toType({ type: 'array', items: nullableObject })).toBe(
      '({\n  a: string | null\n} | null)[]',
    )
    expect(toType({ type: 'array', items: { type: 'string', enum: ['x|y', 'z'] } })).toBe(
      '("x|y" | "z")[]',
    )
    expect(toType({ type: 'array', items: { type: 'string', const: 'a|b' } })).toBe('"a|b"[]')
  })

  it('names components and operations: a type per schema, answers and bodies per operationId', () => {
    const text = openApiToTypeScript(
      {
        components: {
          schemas: {
            Tag: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
            getApiAdminTagsQuery___schema0: { type: 'string' },
          },
        },
        paths: {
          '/api/admin/tags/{id}': {
            get: {
              operationId: 'getApiAdminTagsId',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
              responses: {
                '200': {
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/Tag' } } },
                },
                '400': {},
              },
            },
            delete: { operationId: 'deleteApiAdminTagsId', responses: { '204': {} } },
          },
        },
      },
      'a test',
    )
    expect(typeName('getApiAdminTagsQuery___schema0')).toBe('GetApiAdminTagsQuerySchema0')
    expect(text).toContain('export type Tag = {\n  id: number\n}')
    expect(text).toContain('export type GetApiAdminTagsQuerySchema0 = string')
    expect(text).toContain('  getApiAdminTagsId: {\n    params: {\n      id: number\n    }')
    expect(text).toContain('    body: undefined\n    response: Tag\n')
    expect(text).toMatch(/deleteApiAdminTagsId: \{[^}]*\n {4}response: undefined/)
  })
})
