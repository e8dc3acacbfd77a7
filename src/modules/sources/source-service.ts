import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import {
  createSource,
  findSourceById,
  updateSource,
  type NewSource,
  type Source,
  type SourceChanges,
} from './source-queries.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/**
 * The newsroom's writes to sources (news agencies): create and change. Each is checked against
 * the actor and stored with its audit entry and event in one transaction, then delivered.
 */
export function createSourceService({ db, clock, outbox }: Deps) {
  /** The source; NOT_FOUND when there is none. */
  async function get(id: number): Promise<Source> {
    const source = await findSourceById(db, id)
    if (!source) throw new AppError('NOT_FOUND', `There is no source ${id}`)
    return source
  }

  function record(
    trx: Kysely<Database>,
    context: ChangeContext,
    change: { action: ContentAction; id: number },
  ): Promise<void> {
    const { action, id } = change
    return recordChange(
      trx,
      context,
      {
        action: `source.${action}`,
        entityType: 'source',
        entityId: id,
        events: [{ entity: 'source', action, id }],
      },
      clock.now(),
    )
  }

  async function create(context: ChangeContext, input: NewSource): Promise<Source> {
    assertPermission(context.actor, 'taxonomy.write')
    const id = await withTransaction(db, async (trx) => {
      const id = await createSource(trx, input, clock.now())
      await record(trx, context, { action: 'created', id })
      return id
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  async function update(
    context: ChangeContext,
    id: number,
    changes: SourceChanges,
  ): Promise<Source> {
    assertPermission(context.actor, 'taxonomy.write')
    await withTransaction(db, async (trx) => {
      if (!(await findSourceById(trx, id))) {
        throw new AppError('NOT_FOUND', `There is no source ${id}`)
      }
      await updateSource(trx, { id, changes })
      await record(trx, context, { action: 'updated', id })
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  return { get, create, update }
}

export type SourceService = ReturnType<typeof createSourceService>
