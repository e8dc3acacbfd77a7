import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { EXPECTED_COLUMNS } from '../helpers/expected-columns.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The tables each folder may query itself; every other table is read and written through query
 * functions of the module that owns it.
 */
const OWNED_TABLES: Record<string, readonly string[]> = {
  'src/importers': [],
  'src/api': [],
  'src/site': [],
  'src/cli': [],
}

/** Kysely methods whose first argument names the table (or tables) a query touches. */
const TABLE_METHODS =
  /^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|\w*Join)$/

interface Query {
  /** `file:line`, from the repository root. */
  place: string
  call: string
  /** The tables named, or undefined when the argument is not a literal (or the SQL is raw). */
  tables: string[] | undefined
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(ROOT, folder, name))
}

function tablesOf(argument: ts.Expression | undefined): string[] | undefined {
  if (argument && ts.isStringLiteralLike(argument))
    return [argument.text.split(/\s+as\s+/)[0] ?? '']
  if (argument && ts.isArrayLiteralExpression(argument)) {
    const names = argument.elements.map((element) => tablesOf(element))
    return names.every((name) => name !== undefined) ? names.flat() : undefined
  }
  return undefined
}

/** Every Kysely table reference and raw `sql` template in a file, with its line. */
function queriesIn(path: string): Query[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  const queries: Query[] = []
  const place = (node: ts.Node) =>
    `${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      TABLE_METHODS.test(node.expression.name.text)
    ) {
      const call = `${node.expression.name.text}(${node.arguments[0]?.getText(source) ?? ''})`
      queries.push({
        place: place(node.expression.name),
        call,
        tables: tablesOf(node.arguments[0]),
      })
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'sql')
      queries.push({ place: place(node), call: 'sql`…`', tables: undefined })
    ts.forEachChild(node, visit)
  }
  visit(source)
  return queries
}

describe('each folder queries only the tables it owns', () => {
  for (const [folder, owned] of Object.entries(OWNED_TABLES)) {
    it(`${folder} reaches other modules' tables only through their query functions`, () => {
      const strays = sourceFiles(folder)
        .flatMap(queriesIn)
        .filter(({ tables }) => !tables?.every((table) => owned.includes(table)))
        .map(({ place, call }) => `${place} ${call}`)
      expect(strays).toEqual([])
    })
  }

  it('names only tables that exist', () => {
    const tables = Object.keys(EXPECTED_COLUMNS)
    for (const owned of Object.values(OWNED_TABLES))
      for (const table of owned) expect(tables).toContain(table)
  })

  it('sees the queries a module makes of its own tables', () => {
    const calls = sourceFiles('src/modules/imports')
      .flatMap(queriesIn)
      .map(({ call }) => call)
    expect(calls).toContain("selectFrom('importRecords')")
    expect(calls).toContain("insertInto('importRecords')")
  })
})
