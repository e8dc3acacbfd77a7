import type { Kysely } from 'kysely'
import type { AuditLogTable, Database } from '../../db/database.js'
import { resolvePageRequest, toPage, type Page, type PageRequest } from '../../db/pagination.js'

export interface AuditEntry {
  id: number
  actorType: AuditLogTable['actorType']
  actorId: number | null
  action: string
  entityType: string
  entityId: string | null
  details: Record<string, unknown>
  createdAt: string
}

/** Appends one entry to the audit log: who did what to which record. */
export async function recordAudit(
  db: Kysely<Database>,
  entry: Omit<AuditEntry, 'id' | 'createdAt' | 'details'> & { details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      ...entry,
      details: JSON.stringify(entry.details ?? {}),
      createdAt: now.toISOString(),
    })
    .execute()
}

/** The newest entries, optionally about one record. */
export async function listAuditEntries(
  db: Kysely<Database>,
  input: { entityType?: string; entityId?: string; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('auditLog').selectAll()
  if (input.entityType) query = query.where('entityType', '=', input.entityType)
  if (input.entityId) query = query.where('entityId', '=', input.entityId)
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute()
  return rows.map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }))
}

/** What the audit log viewer filters on; every field narrows the list. */
export interface AuditFilter {
  entityType?: string
  entityId?: string
  action?: string
  /** A user (actorType 'user') or an API token (actorType 'token'). */
  actorType?: AuditLogTable['actorType']
  actorId?: number
  /** Created at or after / before these instants (ISO). */
  from?: string
  to?: string
}

/** One page of the audit log, newest first, each entry with the name of the person who acted. */
export async function listAuditPage(
  db: Kysely<Database>,
  filter: AuditFilter,
  pageRequest: PageRequest,
): Promise<Page<AuditEntry & { actorName: string | null }>> {
  const request = resolvePageRequest(pageRequest)
  let query = db.selectFrom('auditLog')
  if (filter.entityType) query = query.where('auditLog.entityType', '=', filter.entityType)
  if (filter.entityId) query = query.where('auditLog.entityId', '=', filter.entityId)
  if (filter.action) query = query.where('auditLog.action', '=', filter.action)
  if (filter.actorType) query = query.where('auditLog.actorType', '=', filter.actorType)
  if (filter.actorId !== undefined) query = query.where('auditLog.actorId', '=', filter.actorId)
  if (filter.from) query = query.where('auditLog.createdAt', '>=', filter.from)
  if (filter.to) query = query.where('auditLog.createdAt', '<', filter.to)
  const [rows, count] = await Promise.all([
    query
      .leftJoin('users', (join) =>
        join.onRef('users.id', '=', 'auditLog.actorId').on('auditLog.actorType', '=', 'user'),
      )
      .selectAll('auditLog')
      .select('users.name as actorName')
      .orderBy('auditLog.createdAt', 'desc')
      .orderBy('auditLog.id', 'desc')
      .limit(request.pageSize)
      .offset(request.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  const items = rows.map((row) => ({
    ...row,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }))
  return toPage(items, Number(count.total), request)
}
