import type { Kysely, Selectable } from 'kysely'
import type { Database, RedirectsTable } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { saveRedirect, type Redirect } from './redirect-queries.js'

/** A stored redirect as the newsroom sees it. */
export type SavedRedirect = Selectable<RedirectsTable>

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/**
 * The newsroom's operations on redirects. Each change commits with its audit entry; redirects
 * are not content, so they make no event.
 */
export function createRedirectService({ db, clock, outbox }: Deps) {
  async function record(
    trx: Kysely<Database>,
    context: ChangeContext,
    change: { action: 'created' | 'deleted'; id: number },
  ): Promise<void> {
    await recordChange(
      trx,
      context,
      { action: `redirect.${change.action}`, entityType: 'redirect', entityId: change.id },
      clock.now(),
    )
  }

  return {
    /** Adds a redirect, or repoints the one already kept for the same path. */
    async save(context: ChangeContext, redirect: Redirect): Promise<SavedRedirect> {
      assertPermission(context.actor, 'redirects.manage')
      if (redirect.fromPath === redirect.toPath) {
        throw new AppError('VALIDATION_FAILED', 'A redirect cannot point to itself', {
          property: 'toPath',
        })
      }
      const saved = await withTransaction(db, async (trx) => {
        await saveRedirect(trx, redirect, clock.now())
        const row = await trx
          .selectFrom('redirects')
          .selectAll()
          .where('fromPath', '=', redirect.fromPath)
          .executeTakeFirstOrThrow()
        await record(trx, context, { action: 'created', id: row.id })
        return row
      })
      await deliverAfterCommit(db, outbox)
      return saved
    },

    async remove(context: ChangeContext, id: number): Promise<void> {
      assertPermission(context.actor, 'redirects.manage')
      await withTransaction(db, async (trx) => {
        const result = await trx.deleteFrom('redirects').where('id', '=', id).executeTakeFirst()
        if (Number(result.numDeletedRows) === 0) {
          throw new AppError('NOT_FOUND', `There is no redirect ${id}`)
        }
        await record(trx, context, { action: 'deleted', id })
      })
      await deliverAfterCommit(db, outbox)
    },
  }
}

export type RedirectService = ReturnType<typeof createRedirectService>
