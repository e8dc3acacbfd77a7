import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { withTransaction } from '../db/transaction.js'
import { recordChange } from '../modules/audit/record-change.js'
import type { Clock } from '../platform/clock.js'
import { CONTENT_ENTITIES, type ContentAction, type ContentEntity } from '../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../platform/outbox/event-outbox.js'

export interface ChangeRecord {
  entity: ContentEntity | 'redirect' | 'contact_message' | 'webhook' | 'wire_feed'
  action: ContentAction
  id: number
  details?: Record<string, unknown>
}

/** Records a newsroom write: an audit entry (who, what, when, from where) and its event. */
export type RecordChange = (request: FastifyRequest, change: ChangeRecord) => Promise<void>

const CONTENT_ENTITY_NAMES = new Set<string>(CONTENT_ENTITIES)

export function createChangeRecorder(deps: {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}): RecordChange {
  return async (request, change) => {
    await withTransaction(deps.db, (trx) =>
      recordChange(
        trx,
        { actor: request.actor ?? { kind: 'system' }, ipAddress: request.ip },
        {
          action: `${change.entity}.${change.action}`,
          entityType: change.entity,
          entityId: change.id,
          details: change.details,
          events: CONTENT_ENTITY_NAMES.has(change.entity)
            ? [{ entity: change.entity as ContentEntity, action: change.action, id: change.id }]
            : [],
        },
        deps.clock.now(),
      ),
    )
    await deliverAfterCommit(deps.db, deps.outbox)
  }
}

/** What the newsroom's resource routes are built from. */
export interface ResourceRouteDeps {
  db: Kysely<Database>
  clock: Clock
  recordChange: RecordChange
}
