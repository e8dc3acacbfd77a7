import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import { INSTANT, pageOf } from '../../http/response-schemas.js'
import { ID_TEXT } from '../../http/common-schemas.js'
import type { Database } from '../../db/database.js'
import { listAuditPage } from './audit-queries.js'

const instant = z.iso.datetime({ offset: true })

const AUDIT_PAGE = pageOf(
  z
    .object({
      id: z.number().int(),
      actorType: z.enum(['user', 'token', 'system']),
      actorId: z.number().int().nullable(),
      actorName: z.string().nullable().describe("The person's name, for entries by a person"),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      createdAt: INSTANT,
    })
    .meta({ id: 'AuditEntry', description: 'Who changed what, and when' }),
).meta({ id: 'AuditPage' })

export function auditRoutes({ db }: { db: Kysely<Database> }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/audit-log',
      access: { permission: 'audit.read' },
      tag: 'audit',
      summary: 'Who changed what, when and from where; newest first, filtered, a page at a time',
      query: z.strictObject({
        entityType: z.string().max(50).optional(),
        entityId: z.string().max(50).optional(),
        action: z.string().max(100).optional(),
        actorType: z.enum(['user', 'token', 'system']).optional(),
        actorId: ID_TEXT.optional(),
        from: instant.optional(),
        to: instant.optional(),
        page: z.coerce.number().int().min(1).max(100_000).optional(),
        pageSize: z.coerce.number().int().min(1).max(100).optional(),
        /** The page size, as earlier clients sent it. */
        limit: z.coerce.number().int().min(1).max(100).optional(),
      }),
      response: AUDIT_PAGE,
      handle: ({ query }) => {
        const { page, pageSize, limit, ...filter } = query
        return listAuditPage(db, filter, { page, pageSize: pageSize ?? limit ?? 50 })
      },
    }),
  ]
}
