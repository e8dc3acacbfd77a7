import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { Database } from './database.js'

/** Stands in the query for a parameter while it is built; replaced by the value at each run. */
class Slot {
  constructor(
    readonly name: string,
    /** The element's position when the parameter is a list. */
    readonly index: number | null,
  ) {}
}

type Parameters = Record<string, unknown>

/** Queries of different list lengths are different SQL; this many are kept per database. */
const SHAPES_KEPT = 64

/**
 * The SQL text a run needs: a parameter left out (undefined) and lists of other lengths make
 * other statements.
 */
function shapeOf(parameters: Parameters): string {
  return Object.entries(parameters)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => (Array.isArray(value) ? `${name}:${value.length}` : name))
    .join(',')
}

function slotsFor(parameters: Parameters): Parameters {
  return Object.fromEntries(
    Object.entries(parameters)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [
        name,
        Array.isArray(value)
          ? value.map((_, index) => new Slot(name, index))
          : new Slot(name, null),
      ]),
  )
}

function valueOf(slot: Slot, parameters: Parameters): unknown {
  const value = parameters[slot.name]
  return slot.index === null ? value : (value as unknown[])[slot.index]
}

/** A query built and compiled once per shape, then run with new values. */
export interface QueryTemplate<P extends object, O> {
  execute(db: Kysely<Database>, parameters: P): Promise<O[]>
}

/**
 * Kysely builds, transforms and compiles a query anew on every call, which cost more than
 * running it on the queries every article page makes. A template builds its query once with
 * placeholders for `parameters` and reuses the compiled SQL, giving only new values.
 *
 * `build` must only put the parameters into the query: it sees stand-ins, not values, so it may
 * branch on whether a parameter is given and on a list's length, but never compute with, compare
 * or branch on a value.
 */
export function queryTemplate<P extends object, O>(
  build: (db: Kysely<Database>, parameters: P) => Compilable<O>,
): QueryTemplate<P, O> {
  const compiledByDatabase = new WeakMap<Kysely<Database>, Map<string, CompiledQuery<O>>>()
  return {
    async execute(db, parameters) {
      let compiledByShape = compiledByDatabase.get(db)
      if (!compiledByShape)
        compiledByDatabase.set(db, (compiledByShape = new Map<string, CompiledQuery<O>>()))
      const shape = shapeOf(parameters as Parameters)
      let compiled = compiledByShape.get(shape)
      if (!compiled) {
        compiled = build(db, slotsFor(parameters as Parameters) as P).compile()
        if (compiledByShape.size < SHAPES_KEPT) compiledByShape.set(shape, compiled)
      }
      const values = compiled.parameters.map((value) =>
        value instanceof Slot ? valueOf(value, parameters as Parameters) : value,
      )
      const result = await db.executeQuery<O>({ ...compiled, parameters: values })
      return result.rows
    },
  }
}
