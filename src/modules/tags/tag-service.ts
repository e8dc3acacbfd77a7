import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { slugify } from '../../platform/slugify.js'
import { assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import {
  deleteTag,
  findTagById,
  findTagBySlug,
  insertTag,
  updateTag,
  type Tag,
  type TagChanges,
  type TagDetails,
} from './tag-queries.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

/**
 * The newsroom's writes to tags: create (or find), rename and delete. Each change is checked
 * against the actor and stored with its audit entry and event in one transaction, then delivered.
 */
export function createTagService({ db, clock, outbox }: Deps) {
  /** The tag with its description; NOT_FOUND when there is none. */
  async function get(id: number): Promise<TagDetails> {
    const tag = await findTagById(db, id)
    if (!tag) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
    return tag
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
        action: `tag.${action}`,
        entityType: 'tag',
        entityId: id,
        events: [{ entity: 'tag', action, id }],
      },
      clock.now(),
    )
  }

  /**
   * The edition's tag with this name's slug, created when missing. Finding the one already there
   * changes nothing, so only a new tag is audited and announced.
   */
  async function create(
    context: ChangeContext,
    input: { language: string; name: string },
  ): Promise<Tag> {
    assertPermission(context.actor, 'articles.write')
    const name = input.name.trim()
    const slug = slugify(name)
    if (!slug) {
      throw new AppError('VALIDATION_FAILED', 'The name has no letters or digits', {
        property: 'name',
      })
    }
    const created = await withTransaction(db, async (trx) => {
      const tag = await insertTag(trx, { language: input.language, name, slug }, clock.now())
      if (tag) await record(trx, context, { action: 'created', id: tag.id })
      return tag
    })
    if (created) {
      await deliverAfterCommit(db, outbox)
      return created
    }
    const existing = await findTagBySlug(db, input.language, slug)
    if (!existing) throw new AppError('NOT_FOUND', `There is no tag ${slug}`)
    return existing
  }

  async function update(
    context: ChangeContext,
    id: number,
    changes: TagChanges,
  ): Promise<TagDetails> {
    assertPermission(context.actor, 'taxonomy.write')
    await withTransaction(db, async (trx) => {
      if (!(await findTagById(trx, id))) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
      await updateTag(trx, { id, changes })
      await record(trx, context, { action: 'updated', id })
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  /** Deletes a tag; the articles that carried it lose it. */
  async function remove(context: ChangeContext, id: number): Promise<void> {
    assertPermission(context.actor, 'taxonomy.write')
    await withTransaction(db, async (trx) => {
      if (!(await findTagById(trx, id))) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
      await deleteTag(trx, id)
      await record(trx, context, { action: 'deleted', id })
    })
    await deliverAfterCommit(db, outbox)
  }

  return { get, create, update, remove }
}

export type TagService = ReturnType<typeof createTagService>
