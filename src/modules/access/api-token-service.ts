import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { actingUserId, assertPermission, type Actor } from './actor.js'
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken } from './api-tokens.js'
import type { TokenScope } from './permissions.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
}

/**
 * Integrations' API tokens as admins manage them under `tokens.manage`: list, create, revoke. Each
 * change is stored with its audit entry in one transaction.
 */
export function createApiTokenService({ db, clock }: Deps) {
  async function list(actor: Actor): Promise<ApiToken[]> {
    assertPermission(actor, 'tokens.manage')
    return listApiTokens(db)
  }

  /** Creates a token; its secret is in the answer only, never stored or logged. */
  async function create(
    context: ChangeContext,
    input: { name: string; scopes: TokenScope[] },
  ): Promise<{ token: string; apiToken: ApiToken }> {
    assertPermission(context.actor, 'tokens.manage')
    return withTransaction(db, async (trx) => {
      const now = clock.now()
      const created = await createApiToken(
        trx,
        { ...input, createdBy: actingUserId(context.actor) },
        now,
      )
      await recordChange(
        trx,
        context,
        {
          action: 'token.create',
          entityType: 'api_token',
          entityId: created.apiToken.id,
          details: { scopes: input.scopes },
        },
        now,
      )
      return created
    })
  }

  /** Revokes a live token at once; NOT_FOUND when there is no such live token. */
  async function revoke(context: ChangeContext, id: number): Promise<void> {
    assertPermission(context.actor, 'tokens.manage')
    await withTransaction(db, async (trx) => {
      const now = clock.now()
      if (!(await revokeApiToken(trx, id, now))) {
        throw new AppError('NOT_FOUND', `There is no live token ${id}`)
      }
      await recordChange(
        trx,
        context,
        { action: 'token.revoke', entityType: 'api_token', entityId: id },
        now,
      )
    })
  }

  return { list, create, revoke }
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>
