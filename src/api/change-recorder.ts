import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { auditActor } from '../modules/access/actor.js'
import { recordAudit } from '../modules/audit/audit-queries.js'
import type { Clock } from '../platform/clock.js'
import {
  CONTENT_ENTITIES,
  type ContentAction,
  type ContentEntity,
  type EventBus,
} from '../platform/events.js'

export interface ChangeRecord {
  entity: ContentEntity | 'redirect' | 'contact_message' | 'webhook' | 'wire_feed'
  action: ContentAction
  id: number
  details?: Record<string, unknown>
}

/** Records a newsroom write: an audit entry (who, what, when, from where), then its event. */
export type RecordChange = (request: FastifyRequest, change: ChangeRecord) => Promise<void>

const CONTENT_ENTITY_NAMES = new Set<string>(CONTENT_ENTITIES)

export function createChangeRecorder(deps: {
  db: Kysely<Database>
  clock: Clock
  events: EventBus
}): RecordChange {
  return async (request, change) => {
    await recordAudit(
      deps.db,
      {
        ...auditActor(request.actor ?? { kind: 'system' }),
        action: `${change.entity}.${change.action}`,
        entityType: change.entity,
        entityId: String(change.id),
        details: { ...change.details, ipAddress: request.ip },
      },
      deps.clock.now(),
    )
    if (CONTENT_ENTITY_NAMES.has(change.entity)) {
      await deps.events.publish({
        entity: change.entity as ContentEntity,
        action: change.action,
        id: change.id,
        occurredAt: deps.clock.now().toISOString(),
      })
    }
  }
}

/** What the newsroom's resource routes are built from. */
export interface ResourceRouteDeps {
  db: Kysely<Database>
  clock: Clock
  recordChange: RecordChange
}
