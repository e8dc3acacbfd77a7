import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'

export interface ContactMessage {
  id: number
  language: string
  name: string
  email: string
  subject: string
  message: string
  createdAt: string
  readAt: string | null
}

export async function createContactMessage(
  db: Kysely<Database>,
  input: Pick<ContactMessage, 'language' | 'name' | 'email' | 'subject' | 'message'>,
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('contactMessages')
    .values({ ...input, createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The inbox, newest first; unread only when asked. */
export async function listContactMessages(
  db: Kysely<Database>,
  input: { isUnreadOnly?: boolean } & PageRequest,
): Promise<Page<ContactMessage>> {
  const request = resolvePageRequest(input)
  let base = db.selectFrom('contactMessages')
  if (input.isUnreadOnly) base = base.where('readAt', 'is', null)
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(request.pageSize)
      .offset(request.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(items, Number(count.total), request)
}

export async function markContactMessageRead(
  db: Kysely<Database>,
  id: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('contactMessages')
    .set({ readAt: now.toISOString() })
    .where('id', '=', id)
    .where('readAt', 'is', null)
    .execute()
}
