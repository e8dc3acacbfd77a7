import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { Database } from '../../db/database.js'
import { listAuditEntries } from './audit-queries.js'

export function auditRoutes({ db }: { db: Kysely<Database> }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/audit-log',
      access: { permission: 'audit.read' },
      tag: 'audit',
      summary: 'Who changed what, when and from where; newest first',
      query: z.strictObject({
        entityType: z.string().max(50).optional(),
        entityId: z.string().max(50).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(),
      }),
      handle: async ({ query }) => ({
        items: await listAuditEntries(db, { ...query, limit: query.limit ?? 100 }),
      }),
    }),
  ]
}
