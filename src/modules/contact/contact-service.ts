import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { validateContactForm, type ContactFormValues } from './contact-form.js'
import { createContactMessage, markContactMessageRead } from './contact-queries.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

async function assertExists(db: Kysely<Database>, id: number): Promise<void> {
  const row = await db
    .selectFrom('contactMessages')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `There is no message ${id}`)
}

/**
 * The contact inbox: readers' messages come in through the site's form; the newsroom marks them
 * read and deletes them, each change committed with its audit entry (messages make no event).
 */
export function createContactService({ db, clock, outbox }: Deps) {
  async function change(
    context: ChangeContext,
    id: number,
    action: 'updated' | 'deleted',
    write: (trx: Kysely<Database>, now: Date) => Promise<unknown>,
  ): Promise<void> {
    assertPermission(context.actor, 'contact.manage')
    await withTransaction(db, async (trx) => {
      await assertExists(trx, id)
      const now = clock.now()
      await write(trx, now)
      await recordChange(
        trx,
        context,
        { action: `contact_message.${action}`, entityType: 'contact_message', entityId: id },
        now,
      )
    })
    await deliverAfterCommit(db, outbox)
  }

  return {
    /**
     * Stores a reader's message from an edition's form: open to anyone (the form is public, the
     * site passes the system actor) and not audited, since no one in the newsroom made it.
     */
    async receive(
      _context: ChangeContext,
      message: ContactFormValues & { language: string },
    ): Promise<number> {
      const [field, problem] = Object.entries(validateContactForm(message))[0] ?? []
      if (field) {
        throw new AppError('VALIDATION_FAILED', `${field}: ${problem}`, { property: field })
      }
      return createContactMessage(db, message, clock.now())
    },

    async markRead(context: ChangeContext, id: number): Promise<void> {
      await change(context, id, 'updated', (trx, now) => markContactMessageRead(trx, id, now))
    },

    async remove(context: ChangeContext, id: number): Promise<void> {
      await change(context, id, 'deleted', (trx) =>
        trx.deleteFrom('contactMessages').where('id', '=', id).execute(),
      )
    },
  }
}

export type ContactService = ReturnType<typeof createContactService>
