import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import { deliverAfterCommit } from '../../platform/outbox/event-outbox.js'
import { slugify } from '../../platform/slugify.js'
import { assertPermission, type ChangeContext } from '../access/actor.js'
import { commitChange, contentChange, type ChangeStore } from '../audit/commit-change.js'
import { recordChange } from '../audit/record-change.js'
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

/**
 * The newsroom's writes to tags: create (or find), rename and delete. Each change is checked
 * against the actor and stored with its audit entry and event in one transaction, then delivered.
 */
export function createTagService(store: ChangeStore) {
  const { db, clock, outbox } = store
  /** The tag with its description; NOT_FOUND when there is none. */
  async function get(id: number): Promise<TagDetails> {
    const tag = await findTagById(db, id)
    if (!tag) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
    return tag
  }

  /**
   * The edition's tag with this name's slug, created when missing. Finding the one already there
   * changes nothing, so only a new tag is audited and announced.
   */
  async function create(
    context: ChangeContext,
    input: { language: string; name: string },
  ): Promise<Tag> {
    assertPermission(context.actor, 'tags.create')
    const name = input.name.trim()
    const slug = slugify(name)
    if (!slug) {
      throw new AppError('VALIDATION_FAILED', 'The name has no letters or digits', {
        property: 'name',
      })
    }
    const created = await withTransaction(db, async (trx) => {
      const tag = await insertTag(trx, { language: input.language, name, slug }, clock.now())
      if (tag)
        await recordChange(trx, context, contentChange('tag', 'created', tag.id), clock.now())
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
    await commitChange(store, context, async (trx) => {
      if (!(await findTagById(trx, id))) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
      await updateTag(trx, { id, changes })
      return { result: id, change: contentChange('tag', 'updated', id) }
    })
    return get(id)
  }

  /** Deletes a tag; the articles that carried it lose it. */
  async function remove(context: ChangeContext, id: number): Promise<void> {
    assertPermission(context.actor, 'taxonomy.write')
    await commitChange(store, context, async (trx) => {
      if (!(await findTagById(trx, id))) throw new AppError('NOT_FOUND', `There is no tag ${id}`)
      await deleteTag(trx, id)
      return { result: id, change: contentChange('tag', 'deleted', id) }
    })
  }

  return { get, create, update, remove }
}

export type TagService = ReturnType<typeof createTagService>
