import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission, type ChangeContext } from '../access/actor.js'
import { contentChange } from '../audit/commit-change.js'
import { recordChange } from '../audit/record-change.js'
import {
  arrangeSections,
  arrangementProblem,
  createSection,
  listSections,
  sectionWithDescendantIds,
  updateSection,
  type NewSection,
  type Section,
  type SectionChanges,
  type SectionPlace,
} from './section-queries.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no section ${id}`)
}

/** Refuses a parent that does not exist, or that is the section itself or one below it. */
function assertParent(sections: Section[], id: number | undefined, parentId: number | null): void {
  if (parentId === null) return
  if (parentId === id) {
    throw new AppError('VALIDATION_FAILED', 'A section cannot be its own parent', {
      property: 'parentId',
    })
  }
  if (!sections.some((section) => section.id === parentId)) {
    throw new AppError('VALIDATION_FAILED', `There is no section ${parentId}`, {
      property: 'parentId',
    })
  }
  if (id !== undefined && sectionWithDescendantIds(sections, id).includes(parentId)) {
    throw new AppError('VALIDATION_FAILED', 'A section cannot sit under itself', {
      property: 'parentId',
    })
  }
}

/**
 * The newsroom's writes to the section tree: create, change and arrange. Each is checked against
 * the actor and stored with its audit entry and events in one transaction, then delivered.
 */
export function createSectionService({ db, clock, outbox }: Deps) {
  /** The section with its translations; NOT_FOUND when there is none. */
  async function get(id: number): Promise<Section> {
    const section = (await listSections(db)).find((candidate) => candidate.id === id)
    if (!section) throw notFound(id)
    return section
  }

  function record(
    trx: Kysely<Database>,
    context: ChangeContext,
    change: { action: ContentAction; id: number },
  ): Promise<void> {
    return recordChange(
      trx,
      context,
      contentChange('section', change.action, change.id),
      clock.now(),
    )
  }

  async function create(context: ChangeContext, input: NewSection): Promise<Section> {
    assertPermission(context.actor, 'taxonomy.write')
    const id = await withTransaction(db, async (trx) => {
      assertParent(await listSections(trx), undefined, input.parentId ?? null)
      const id = await createSection(trx, input, clock.now())
      await record(trx, context, { action: 'created', id })
      return id
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  async function update(
    context: ChangeContext,
    id: number,
    changes: SectionChanges,
  ): Promise<Section> {
    assertPermission(context.actor, 'taxonomy.write')
    await withTransaction(db, async (trx) => {
      const sections = await listSections(trx)
      if (!sections.some((section) => section.id === id)) throw notFound(id)
      if (changes.parentId !== undefined) assertParent(sections, id, changes.parentId)
      await updateSection(trx, { id, changes }, clock.now())
      await record(trx, context, { action: 'updated', id })
    })
    await deliverAfterCommit(db, outbox)
    return get(id)
  }

  /**
   * Saves a whole new arrangement of the tree as one change: one audit entry naming the sections
   * whose place changed, and an update event for each of them.
   */
  async function arrange(
    context: ChangeContext,
    places: readonly SectionPlace[],
  ): Promise<Section[]> {
    assertPermission(context.actor, 'taxonomy.write')
    await withTransaction(db, async (trx) => {
      const existing = await listSections(trx)
      const problem = arrangementProblem(
        existing.map((section) => section.id),
        places,
      )
      if (problem) {
        throw new AppError('VALIDATION_FAILED', problem.message, { property: problem.property })
      }
      const changed = await arrangeSections(trx, places, clock.now())
      await recordChange(
        trx,
        context,
        {
          action: 'section.arranged',
          entityType: 'section',
          entityId: 'tree',
          details: { sectionIds: changed },
          events: changed.map((id) => ({ entity: 'section', action: 'updated', id })),
        },
        clock.now(),
      )
    })
    await deliverAfterCommit(db, outbox)
    return listSections(db)
  }

  return { get, create, update, arrange }
}

export type SectionService = ReturnType<typeof createSectionService>
