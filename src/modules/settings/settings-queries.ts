import type { Kysely } from 'kysely'
import { withTransaction } from '../../db/transaction.js'
import type { Database } from '../../db/database.js'
import { deepFreeze } from '../../platform/deep-freeze.js'
import {
  SITE_SETTINGS_CHANGES_SCHEMA,
  SITE_SETTINGS_SCHEMA,
  type SiteSettings,
} from './site-settings.js'

/**
 * The site settings: stored values over defaults. A stored value that no longer fits its schema
 * (left by an older version) falls back to the default rather than breaking every page.
 */
export async function getSiteSettings(db: Kysely<Database>): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const stored = JSON.stringify(rows)
  if (stored !== lastParsed.stored) lastParsed = { stored, settings: parseSettings(rows) }
  return lastParsed.settings
}

// Every page reads the settings; validating them each time cost more than reading them, so the
// last rows read are compared as text and parsed again only when they changed.
let lastParsed: { stored: string; settings: SiteSettings } = {
  stored: '',
  settings: SITE_SETTINGS_SCHEMA.parse({}),
}

function parseSettings(rows: { key: string; value: string }[]): SiteSettings {
  const defaults = SITE_SETTINGS_SCHEMA.parse({})
  const shape = SITE_SETTINGS_SCHEMA.shape
  const settings: Record<string, unknown> = { ...defaults }
  for (const { key, value } of rows) {
    if (!(key in shape)) continue
    const parsed = shape[key as keyof SiteSettings].safeParse(JSON.parse(value))
    if (parsed.success) settings[key] = parsed.data
  }
  return deepFreeze(settings as SiteSettings)
}

/** Validates and stores some settings; the others keep their values. Throws a ZodError on bad input. */
export async function updateSiteSettings(
  db: Kysely<Database>,
  changes: Partial<SiteSettings>,
  now: Date,
): Promise<SiteSettings> {
  const valid = SITE_SETTINGS_CHANGES_SCHEMA.parse(changes)
  await withTransaction(db, (trx) => storeSiteSettings(trx, valid, now))
  return getSiteSettings(db)
}

/** Writes settings already validated, one row per key given; the others keep their values. */
export async function storeSiteSettings(
  db: Kysely<Database>,
  valid: Partial<SiteSettings>,
  now: Date,
): Promise<void> {
  for (const [key, value] of Object.entries(valid)) {
    if (value === undefined) continue
    const json = JSON.stringify(value)
    await db
      .insertInto('settings')
      .values({ key, value: json, updatedAt: now.toISOString() })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({ value: json, updatedAt: now.toISOString() }),
      )
      .execute()
  }
}
