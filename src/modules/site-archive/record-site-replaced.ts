import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { ContentEvent } from '../../platform/events.js'
import { systemActor } from '../access/actor.js'
import { recordChange } from '../audit/record-change.js'

/**
 * Tells a running site, in the transaction that filled it, that its content was replaced: every
 * page goes (the settings event purges the frame every page carries) and each live article is
 * announced as published, so webhooks and the search index hear of it.
 */
export async function recordSiteReplaced(
  trx: Kysely<Database>,
  input: { action: string; details: Record<string, unknown> },
  now: Date,
): Promise<void> {
  const live = await trx
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute()
  const events: Omit<ContentEvent, 'occurredAt'>[] = [
    { entity: 'settings', action: 'updated', id: 0 },
    ...live.map(({ id }) => ({ entity: 'article' as const, action: 'published' as const, id })),
  ]
  await recordChange(
    trx,
    { actor: systemActor, ipAddress: null },
    { action: input.action, entityType: 'site', entityId: 0, details: input.details, events },
    now,
  )
}
