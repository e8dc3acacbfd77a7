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
