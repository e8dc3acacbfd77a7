import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/cli/run-cli.js'
import { CONFIG_VARIABLES } from '../src/config/config-variables.js'
import { ERROR_CODES } from '../src/errors/codes.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const errorsDoc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8')

/** The first cells of the rows of the Markdown table that follows `heading`. */
function firstColumnAfter(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(heading))
  const table = section.slice(section.indexOf('\n|')).split('\n\n')[0] ?? ''
  return table
    .split('\n')
    .slice(3)
    .map((row) => /^\|\s*`([^`]+)`/.exec(row)?.[1])
    .filter((cell): cell is string => cell !== undefined)
}

describe('documentation in step with the code', () => {
  it('lists every configuration variable in the README, and no others', () => {
    expect(firstColumnAfter(readme, '## Configuration').sort()).toEqual(
      Object.keys(CONFIG_VARIABLES).sort(),
    )
  })

  it('lists every error code with its status in docs/errors.md, and no others', () => {
    const rows = errorsDoc
      .split('\n')
      .map((row) => /^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/.exec(row))
      .filter((match) => match !== null)
      .map((match) => [match[1], Number(match[2])])
    expect(Object.fromEntries(rows)).toEqual(ERROR_CODES)
  })

  it('documents every CLI command in the README', () => {
    const documented = new Set(
      firstColumnAfter(readme, '## The `masthead` command').map((cell) => cell.split(' ')[1]),
    )
    expect([...documented].sort()).toEqual(COMMANDS.map((command) => command.name).sort())
  })
})
