import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src', import.meta.url))

/** Every TypeScript source file under src/, tests left out. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The part of the house a file belongs to: `modules/articles`, `site`, `db`… */
function partOf(path: string): string {
  const [top, second] = relative(SRC, path).split('/')
  return top === 'modules' ? `modules/${second}` : (top ?? '')
}

interface Arrow {
  from: string
  to: string
  file: string
}

/** Each relative import (type imports too) from one part of the house into another. */
function arrows(): Arrow[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)]
    return specifiers.flatMap(([, specifier]) => {
      const target = normalize(join(dirname(file), specifier ?? ''))
      const from = partOf(file)
      const to = partOf(target)
      return from === to ? [] : [{ from, to, file: relative(SRC, file) }]
    })
  })
}

describe('the direction of imports (DESIGN.md: the way data flows)', () => {
  const all = arrows()

  it('sees the imports it checks', () => {
    expect(all.some((arrow) => arrow.from === 'modules/editorial')).toBe(true)
  })

  it('keeps modules off the surfaces: they never import src/api, src/site or src/cli', () => {
    const strays = all.filter(
      (arrow) => arrow.from.startsWith('modules/') && ['api', 'site', 'cli'].includes(arrow.to),
    )
    expect(strays.map((arrow) => `${arrow.file} → ${arrow.to}`)).toEqual([])
  })

  it('keeps src/db below the modules', () => {
    const strays = all.filter((arrow) => arrow.from === 'db' && arrow.to.startsWith('modules/'))
    expect(strays.map((arrow) => `${arrow.file} → ${arrow.to}`)).toEqual([])
  })

  it('has no two module folders importing each other', () => {
    const edges = new Set(
      all.filter((arrow) => arrow.to.startsWith('modules/')).map((a) => `${a.from}|${a.to}`),
    )
    const pairs = [...edges]
      .map((edge) => edge.split('|') as [string, string])
      .filter(
        ([from, to]) => from.startsWith('modules/') && from < to && edges.has(`${to}|${from}`),
      )
      .map(([from, to]) => {
        const files = all.filter(
          (arrow) =>
            (arrow.from === from && arrow.to === to) || (arrow.from === to && arrow.to === from),
        )
        return `${from} ↔ ${to}: ${files.map((arrow) => arrow.file).join(', ')}`
      })
    expect(pairs).toEqual([])
  })
})
