import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'

export interface Redirect {
  fromPath: string
  toPath: string
  statusCode: number
}

/** Adds a redirect, or points an existing one for the same path somewhere new. */
export async function saveRedirect(
  db: Kysely<Database>,
  redirect: Redirect,
  now: Date,
): Promise<void> {
  await db
    .insertInto('redirects')
    .values({ ...redirect, createdAt: now.toISOString() })
    .onConflict((conflict) =>
      conflict
        .column('fromPath')
        .doUpdateSet({ toPath: redirect.toPath, statusCode: redirect.statusCode }),
    )
    .execute()
}

/** Redirects per multi-row statement. */
const REDIRECTS_PER_INSERT = 500

/**
 * Saves many redirects as `saveRedirect` one after another would (for a path given twice, the
 * last wins), in a few multi-row statements (imports).
 */
export async function saveRedirects(
  db: Kysely<Database>,
  redirects: Redirect[],
  now: Date,
): Promise<void> {
  const byPath = new Map(redirects.map((redirect) => [redirect.fromPath, redirect]))
  const rows = [...byPath.values()].map((redirect) => ({
    ...redirect,
    createdAt: now.toISOString(),
  }))
  for (let index = 0; index < rows.length; index += REDIRECTS_PER_INSERT)
    await db
      .insertInto('redirects')
      .values(rows.slice(index, index + REDIRECTS_PER_INSERT))
      .onConflict((conflict) =>
        conflict.column('fromPath').doUpdateSet((eb) => ({
          toPath: eb.ref('excluded.toPath'),
          statusCode: eb.ref('excluded.statusCode'),
        })),
      )
      .execute()
}

/** The redirect for an exact path, or undefined. */
export async function findRedirect(
  db: Kysely<Database>,
  fromPath: string,
): Promise<Redirect | undefined> {
  return db
    .selectFrom('redirects')
    .select(['fromPath', 'toPath', 'statusCode'])
    .where('fromPath', '=', fromPath)
    .executeTakeFirst()
}

/**
 * Moves a page for good (a merged tag): its old path answers 301 to the new one, redirects that
 * led to the old path lead straight to the new one, and a redirect away from the new path is
 * dropped, since a page lives there now. `fromPath` is decoded, as requests are looked up.
 */
export async function movePermanently(
  db: Kysely<Database>,
  move: { fromPath: string; toPath: string },
  now: Date,
): Promise<void> {
  await db.deleteFrom('redirects').where('fromPath', '=', decodeURI(move.toPath)).execute()
  await db
    .updateTable('redirects')
    .set({ toPath: move.toPath })
    .where('toPath', 'in', [move.fromPath, encodeURI(move.fromPath)])
    .execute()
  await saveRedirect(db, { ...move, statusCode: 301 }, now)
}
