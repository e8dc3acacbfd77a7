import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import { deliverAfterCommit } from '../../platform/outbox/event-outbox.js'
import { slugify } from '../../platform/slugify.js'
import { assertPermission, type ChangeContext } from '../access/actor.js'
import { commitChange, contentChange, type ChangeStore } from '../audit/commit-change.js'
import { recordChange } from '../audit/record-change.js'
import { movePermanently } from '../redirects/redirect-queries.js'
import { tagPath } from './tag-path.js'
import {
  deleteTag,
  findTagById,
  findTagBySlug,
  insertTag,
  moveArticlesToTag,
  updateTag,
  type Tag,
  type TagChanges,
  type TagDetails,
} from './tag-queries.js'

/**
 * The newsroom's writes to tags: create (or find), rename, delete and merge. Each change is checked
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

  /**
   * Merges a tag into another of its edition, in one transaction: its articles move to the kept
   * tag (one carrying both keeps one), it is deleted, and its page answers 301 to the kept one's.
   * Audited as `tag.merged`; announced as the merged tag's deletion and the kept tag's update, so
   * both tags' pages are purged and the moved articles reindexed.
   */
  async function merge(
    context: ChangeContext,
    input: { id: number; into: number },
  ): Promise<TagDetails> {
    assertPermission(context.actor, 'taxonomy.write')
    if (input.id === input.into) {
      throw new AppError('VALIDATION_FAILED', 'A tag cannot be merged into itself', {
        property: 'into',
      })
    }
    await commitChange(store, context, async (trx) => {
      const merged = await findTagById(trx, input.id)
      if (!merged) throw new AppError('NOT_FOUND', `There is no tag ${input.id}`)
      const kept = await findTagById(trx, input.into)
      if (!kept) {
        throw new AppError('NOT_FOUND', `There is no tag ${input.into}`, { property: 'into' })
      }
      if (kept.language !== merged.language) {
        throw new AppError('VALIDATION_FAILED', 'A tag is merged only into a tag of its edition', {
          property: 'into',
        })
      }
      await moveArticlesToTag(trx, { fromTagId: merged.id, toTagId: kept.id })
      await deleteTag(trx, merged.id)
      await movePermanently(
        trx,
        {
          fromPath: `/${merged.language}/tag/${merged.slug}`,
          toPath: tagPath(kept.language, kept.slug),
        },
        clock.now(),
      )
      return {
        result: kept.id,
        change: {
          action: 'tag.merged',
          entityType: 'tag',
          entityId: merged.id,
          details: { into: kept.id },
          events: [
            { entity: 'tag', action: 'deleted', id: merged.id },
            { entity: 'tag', action: 'updated', id: kept.id },
          ],
        },
      }
    })
    return get(input.into)
  }

  return { get, create, update, remove, merge }
}

export type TagService = ReturnType<typeof createTagService>
