import type { Kysely } from 'kysely'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { DASHBOARD } from './article-responses.js'
import { loadNewsroomDashboard } from './newsroom-dashboard.js'

/** The newsroom's landing screen in one request. */
export function dashboardRoutes({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/dashboard',
      access: { permission: 'account.self' },
      tag: 'dashboard',
      summary:
        'My drafts, in review, scheduled, recently published, breaking, unread contact messages and today’s most read, each as the signed-in person may see them',
      response: DASHBOARD,
      handle: ({ request }) => {
        const actor = request.actor
        if (actor?.kind !== 'user') {
          throw new AppError('FORBIDDEN', 'The dashboard is for people signed in')
        }
        return loadNewsroomDashboard(db, actor, clock.now())
      },
    }),
  ]
}
