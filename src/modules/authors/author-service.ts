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
  createAuthor,
  findAuthorById,
  updateAuthor,
  type Author,
  type AuthorChanges,
  type NewAuthor,
} from './author-queries.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/**
 * The newsroom's writes to byline profiles: create and change. Each is checked against the actor
 * and stored with its audit entry and event in one transaction, then delivered.
 */
export function createAuthorService({ db, clock, outbox }: Deps) {
  /** The byline profile; NOT_FOUND when there is none. */
  async function get(id: number): Promise<Author> {
    const author = await findAuthorById(db, id)
    if (!author) throw new AppError('NOT_FOUND', `There is no author ${id}`)
    return author
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
        action: `author.${action}`,
        entityType: 'author',
        entityId: id,
        events: [{ entity: 'author', action, id }],
      },
      clock.now(),
    )
  }

  async function create(context: ChangeContext, input: NewAuthor): Promise<Author> {
    assertPermission(context.actor, 'taxonomy.write')
    const id = await withTransaction(db, async (trx) => {
      const id = await createAuthor(trx, input, clock.now())
      await record(trx, context, { action: 'created', id })
      return id
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  async function update(
    context: ChangeContext,
    id: number,
    changes: AuthorChanges,
  ): Promise<Author> {
    assertPermission(context.actor, 'taxonomy.write')
    await withTransaction(db, async (trx) => {
      if (!(await findAuthorById(trx, id))) {
        throw new AppError('NOT_FOUND', `There is no author ${id}`)
      }
      await updateAuthor(trx, { id, changes }, clock.now())
      await record(trx, context, { action: 'updated', id })
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  return { get, create, update }
}

export type AuthorService = ReturnType<typeof createAuthorService>
