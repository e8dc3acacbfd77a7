import { AppError } from '../../errors/app-error.js'
import { assertPermission, type ChangeContext } from '../access/actor.js'
import { commitChange, contentChange, type ChangeStore } from '../audit/commit-change.js'
import {
  createAuthor,
  findAuthorById,
  updateAuthor,
  type Author,
  type AuthorChanges,
  type NewAuthor,
} from './author-queries.js'

/**
 * The newsroom's writes to byline profiles: create and change. Each is checked against the actor
 * and stored with its audit entry and event in one transaction, then delivered.
 */
export function createAuthorService(store: ChangeStore) {
  const { db, clock } = store

  /** The byline profile; NOT_FOUND when there is none. */
  async function get(id: number): Promise<Author> {
    const author = await findAuthorById(db, id)
    if (!author) throw new AppError('NOT_FOUND', `There is no author ${id}`)
    return author
  }

  async function create(context: ChangeContext, input: NewAuthor): Promise<Author> {
    assertPermission(context.actor, 'taxonomy.write')
    const id = await commitChange(store, context, async (trx) => {
      const id = await createAuthor(trx, input, clock.now())
      return { result: id, change: contentChange('author', 'created', id) }
    })
    return get(id)
  }

  async function update(
    context: ChangeContext,
    id: number,
    changes: AuthorChanges,
  ): Promise<Author> {
    assertPermission(context.actor, 'taxonomy.write')
    await commitChange(store, context, async (trx) => {
      if (!(await findAuthorById(trx, id))) {
        throw new AppError('NOT_FOUND', `There is no author ${id}`)
      }
      await updateAuthor(trx, { id, changes }, clock.now())
      return { result: id, change: contentChange('author', 'updated', id) }
    })
    return get(id)
  }

  return { get, create, update }
}

export type AuthorService = ReturnType<typeof createAuthorService>
