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
