import type { Kysely } from 'kysely'
import type { AuditLogTable, Database } from '../../db/database.js'

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
