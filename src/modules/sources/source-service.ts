import { AppError } from '../../errors/app-error.js'
import { assertPermission, type ChangeContext } from '../access/actor.js'
import { commitChange, contentChange, type ChangeStore } from '../audit/commit-change.js'
import {
  createSource,
  findSourceById,
  updateSource,
  type NewSource,
  type Source,
  type SourceChanges,
} from './source-queries.js'

/**
 * The newsroom's writes to sources (news agencies): create and change. Each is checked against
 * the actor and stored with its audit entry and event in one transaction, then delivered.
 */
export function createSourceService(store: ChangeStore) {
  const { db, clock } = store

  /** The source; NOT_FOUND when there is none. */
  async function get(id: number): Promise<Source> {
    const source = await findSourceById(db, id)
    if (!source) throw new AppError('NOT_FOUND', `There is no source ${id}`)
    return source
  }

  async function create(context: ChangeContext, input: NewSource): Promise<Source> {
    assertPermission(context.actor, 'taxonomy.write')
    const id = await commitChange(store, context, async (trx) => {
      const id = await createSource(trx, input, clock.now())
      return { result: id, change: contentChange('source', 'created', id) }
    })
    return get(id)
  }

  async function update(
    context: ChangeContext,
    id: number,
    changes: SourceChanges,
  ): Promise<Source> {
    assertPermission(context.actor, 'taxonomy.write')
    await commitChange(store, context, async (trx) => {
      if (!(await findSourceById(trx, id))) {
        throw new AppError('NOT_FOUND', `There is no source ${id}`)
      }
      await updateSource(trx, { id, changes })
      return { result: id, change: contentChange('source', 'updated', id) }
    })
    return get(id)
  }

  return { get, create, update }
}

export type SourceService = ReturnType<typeof createSourceService>
