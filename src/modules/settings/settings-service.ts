import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { getSiteSettings, storeSiteSettings } from './settings-queries.js'
import { SITE_SETTINGS_CHANGES_SCHEMA, type SiteSettings } from './site-settings.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/** Checks changes against each setting's schema; the first problem names its key. */
function validChanges(changes: Partial<SiteSettings>): Partial<SiteSettings> {
  const result = SITE_SETTINGS_CHANGES_SCHEMA.safeParse(changes)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const property = issue?.path.map(String).join('.') || undefined
  throw new AppError('VALIDATION_FAILED', issue?.message ?? 'Invalid settings', { property })
}

/**
 * Changes to the site settings. A change commits with its audit entry and the `settings` event
 * that purges every page, which is delivered before the call returns.
 */
export function createSettingsService({ db, clock, outbox }: Deps) {
  return {
    /** Stores the settings given; the others keep their values. Answers all of them. */
    async update(context: ChangeContext, changes: Partial<SiteSettings>): Promise<SiteSettings> {
      assertPermission(context.actor, 'settings.write')
      const valid = validChanges(changes)
      await withTransaction(db, async (trx) => {
        const now = clock.now()
        await storeSiteSettings(trx, valid, now)
        await recordChange(
          trx,
          context,
          {
            action: 'settings.updated',
            entityType: 'settings',
            entityId: 0,
            details: { keys: Object.keys(changes) },
            events: [{ entity: 'settings', action: 'updated', id: 0 }],
          },
          now,
        )
      })
      await deliverAfterCommit(db, outbox)
      return getSiteSettings(db)
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
