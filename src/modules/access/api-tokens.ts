import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { TokenScope } from './permissions.js'
import { hashToken } from './sessions.js'

/** Tokens start with this, so a leaked one is recognisable by secret scanners. */
const TOKEN_PREFIX = 'mst_'

export interface ApiToken {
  id: number
  name: string
  scopes: TokenScope[]
  createdBy: number | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

function toApiToken(row: {
  id: number
  name: string
  scopes: string
  createdBy: number | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}): ApiToken {
  return { ...row, scopes: JSON.parse(row.scopes) as TokenScope[] }
}

/** Creates a token; the secret is returned this once and stored only as a hash. */
export async function createApiToken(
  db: Kysely<Database>,
  input: { name: string; scopes: TokenScope[]; createdBy: number | null },
  now: Date,
): Promise<{ token: string; apiToken: ApiToken }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const row = await db
    .insertInto('apiTokens')
    .values({
      name: input.name,
      tokenHash: hashToken(token),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      createdBy: input.createdBy,
      createdAt: now.toISOString(),
    })
    .returning(['id', 'name', 'scopes', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .executeTakeFirstOrThrow()
  return { token, apiToken: toApiToken(row) }
}

/** The live token a bearer secret names, marking its use. */
export async function resolveApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<ApiToken | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const row = await db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'scopes', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('tokenHash', '=', hashToken(token))
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  await db
    .updateTable('apiTokens')
    .set({ lastUsedAt: now.toISOString() })
    .where('id', '=', row.id)
    .execute()
  return toApiToken(row)
}

export async function listApiTokens(db: Kysely<Database>): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'scopes', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .orderBy('id')
    .execute()
  return rows.map(toApiToken)
}

/** Revokes a token at once; returns false when there was no such live token. */
export async function revokeApiToken(
  db: Kysely<Database>,
  id: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: now.toISOString() })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
