import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { listEditions } from '../../modules/editions/edition-queries.js'
import { getSiteSettings } from '../../modules/settings/settings-queries.js'
import { localeWithDigits } from '../i18n/format-time.js'
import { translatorFor } from '../i18n/messages.js'
import type { EntryFrame } from '../view-models.js'

/**
 * What rendering a live entry outside a page needs (the content API, the reader stream): the
 * edition's locale with the settings' digits, the site's time zone and the edition's strings.
 * Two small reads; a caller that renders often keeps the result until the settings change.
 */
export async function loadEntryFrame(
  db: Kysely<Database>,
  language: string,
  now: Date,
): Promise<EntryFrame> {
  const [editions, settings] = await Promise.all([listEditions(db), getSiteSettings(db)])
  const edition = editions.find((candidate) => candidate.code === language)
  return {
    language,
    locale: localeWithDigits(edition?.locale ?? language, language, settings.digitsStyle),
    timeZone: settings.timeZone,
    now,
    t: translatorFor(language),
  }
}
