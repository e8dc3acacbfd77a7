import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Clock } from '../../platform/clock.js'
import type { Mailer } from '../../platform/mail/mailer.js'
import { createAccountService } from './account-service.js'
import { createApiTokenService } from './api-token-service.js'
import { createSessionService } from './session-service.js'
import { createUserService } from './user-service.js'

/** The access module's services, as the Admin API uses them. */
export function createAccessServices(deps: {
  db: Kysely<Database>
  clock: Clock
  siteUrl: string
  mailer?: Mailer
}) {
  return {
    sessions: createSessionService(deps),
    account: createAccountService(deps),
    tokens: createApiTokenService(deps),
    users: createUserService(deps),
  }
}

export type AccessServices = ReturnType<typeof createAccessServices>
