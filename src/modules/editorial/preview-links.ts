import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'

/** How long a preview link works: a working day and a night, for a desk passing a draft around. */
export const PREVIEW_LINK_LIFETIME_MS = 24 * 60 * 60_000

/** The settings row holding the signing key; not a site setting, so the settings API never shows it. */
const KEY_ROW = 'previewSigningKey'

/** What a preview token says once checked. */
export type PreviewTokenCheck =
  { kind: 'valid'; articleId: number } | { kind: 'expired' } | { kind: 'invalid' }

function signatureOf(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`preview:${payload}`).digest()
}

/** `<articleId>.<expiry in Unix seconds>.<HMAC-SHA256 of both, base64url>` */
export function signPreviewToken(
  key: Buffer,
  input: { articleId: number; expiresAt: Date },
): string {
  const payload = `${input.articleId}.${Math.floor(input.expiresAt.getTime() / 1000)}`
  return `${payload}.${signatureOf(key, payload).toString('base64url')}`
}

/** Checks a token's signature first, then its expiry; a token that fails either shows nothing. */
export function checkPreviewToken(key: Buffer, token: string, now: Date): PreviewTokenCheck {
  const match = /^(\d{1,15})\.(\d{1,12})\.([\w-]{43})$/.exec(token)
  if (!match) return { kind: 'invalid' }
  const [, id = '', expiry = '', signature = ''] = match
  // Compared as text: base64url ignores the last character's low bits, so decoding first would
  // let four spellings of one signature pass.
  const expected = Buffer.from(signatureOf(key, `${id}.${expiry}`).toString('base64url'))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { kind: 'invalid' }
  if (Number(expiry) * 1000 <= now.getTime()) return { kind: 'expired' }
  return { kind: 'valid', articleId: Number(id) }
}

/**
 * The key that signs preview links: made once per database, so every process behind a load
 * balancer signs and checks with the same one, and no operator has to configure a secret.
 */
export async function loadPreviewSigningKey(db: Kysely<Database>, now: Date): Promise<Buffer> {
  await db
    .insertInto('settings')
    .values({
      key: KEY_ROW,
      value: JSON.stringify(randomBytes(32).toString('base64url')),
      updatedAt: now.toISOString(),
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute()
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY_ROW)
    .executeTakeFirstOrThrow()
  return Buffer.from(JSON.parse(row.value) as string, 'base64url')
}

/** Signs and checks preview links with the database's key, read once per process. */
export function createPreviewLinks(deps: { db: Kysely<Database>; now: () => Date }) {
  let key: Promise<Buffer> | undefined
  const signingKey = () => {
    key ??= loadPreviewSigningKey(deps.db, deps.now()).catch((error: unknown) => {
      key = undefined
      throw error
    })
    return key
  }
  return {
    /** A token for one article that works until `PREVIEW_LINK_LIFETIME_MS` from now. */
    async sign(articleId: number): Promise<{ token: string; expiresAt: string }> {
      const expiresAt = new Date(deps.now().getTime() + PREVIEW_LINK_LIFETIME_MS)
      return {
        token: signPreviewToken(await signingKey(), { articleId, expiresAt }),
        expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
      }
    },
    async check(token: string): Promise<PreviewTokenCheck> {
      return checkPreviewToken(await signingKey(), token, deps.now())
    },
  }
}

export type PreviewLinks = ReturnType<typeof createPreviewLinks>
