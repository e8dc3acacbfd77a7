import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { ContentEvent } from '../../platform/events.js'
import { recordEvents } from '../../platform/outbox/record-events.js'
import type { Actor } from '../access/actor.js'
import { recordAudit } from './audit-queries.js'

/** Who makes a change, and from where (for the audit log). */
export interface ChangeContext {
  actor: Actor
  /** The client's address; null for the CLI, importers and jobs. */
  ipAddress: string | null
}

/** One change as the audit log and the outbox keep it. */
export interface Change {
  /** The audit action: `section.update`, `article.publish`. */
  action: string
  entityType: string
  entityId: number | string
  details?: Record<string, unknown>
  /** What the change tells the rest of the system; none for records nobody outside follows. */
  events?: Omit<ContentEvent, 'occurredAt'>[]
}

/** The audit log's columns for who acted. */
function actorColumns(actor: Actor): { actorType: Actor['kind']; actorId: number | null } {
  if (actor.kind === 'user') return { actorType: 'user', actorId: actor.userId }
  if (actor.kind === 'token') return { actorType: 'token', actorId: actor.tokenId }
  return { actorType: 'system', actorId: null }
}

/**
 * Records a change's audit entry and its events inside the change's own transaction: either all
 * of them commit with it or none does. The one way a service tells what it did.
 */
export async function recordChange(
  trx: Kysely<Database>,
  context: ChangeContext,
  change: Change,
  now: Date,
): Promise<void> {
  if (!trx.isTransaction) throw new Error('A change is recorded only inside its transaction')
  await recordAudit(
    trx,
    {
      ...actorColumns(context.actor),
      action: change.action,
      entityType: change.entityType,
      entityId: String(change.entityId),
      details: { ...change.details, ipAddress: context.ipAddress },
    },
    now,
  )
  const occurredAt = now.toISOString()
  await recordEvents(
    trx,
    (change.events ?? []).map((event) => ({ ...event, occurredAt })),
  )
}
