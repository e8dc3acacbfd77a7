import { isAppError } from '../../errors/app-error.js'
import { systemActor } from '../../modules/access/actor.js'
import { createUserService } from '../../modules/access/user-service.js'
import type { ChangeContext } from '../../modules/audit/record-change.js'
import { SHORTEST_PASSWORD } from '../../modules/users/password.js'
import { normalizeEmail, USER_ROLES, type UserRole } from '../../modules/users/user-queries.js'
import { systemClock } from '../../platform/clock.js'
import { CliError } from '../cli-error.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

const EMAIL = /^[^\s@]+@[^\s@]+$/

/** The CLI acts as Masthead itself, from no address. */
const SYSTEM: ChangeContext = { actor: systemActor, ipAddress: null }

function requirePassword(password: string | undefined): string {
  if (!password || password.length < SHORTEST_PASSWORD) {
    throw new CliError(`--password must have at least ${SHORTEST_PASSWORD} characters`, 2)
  }
  return password
}

function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : ''
  return /unique/i.test(message) || (isAppError(error) && error.code === 'CONFLICT')
}

export const userCommand: Command = {
  name: 'user',
  usage:
    'user add --email E --password P --role admin|editor|author|contributor [--name N]\n  user reset-password --email E --password P',
  summary: 'Add a newsroom account, or set a new password for one',
  async run({ args, config, print }) {
    const [action, ...rest] = args
    if (action === 'add') {
      const options = parseOptions(rest, ['email', 'password', 'role', 'name'])
      const email = normalizeEmail(options.email ?? '')
      if (!EMAIL.test(email)) throw new CliError('--email must be an email address', 2)
      const role = options.role as UserRole
      if (!USER_ROLES.includes(role))
        throw new CliError(`--role must be one of ${USER_ROLES.join(', ')}`, 2)
      const password = requirePassword(options.password)
      await withMigratedStore(config(), async ({ db }) => {
        const users = createUserService({ db, clock: systemClock })
        try {
          const user = await users.create(SYSTEM, {
            email,
            name: options.name ?? email.split('@')[0] ?? email,
            role,
            password,
          })
          print(`Added ${role} ${email} (user ${user.id}).`)
        } catch (error) {
          if (isUniqueViolation(error))
            throw new CliError(`a user with the email ${email} already exists`)
          throw error
        }
      })
      return
    }
    if (action === 'reset-password') {
      const options = parseOptions(rest, ['email', 'password'])
      const password = requirePassword(options.password)
      await withMigratedStore(config(), async ({ db }) => {
        const users = createUserService({ db, clock: systemClock })
        const email = options.email ?? ''
        const user = await users
          .resetPassword(SYSTEM, { email, newPassword: password })
          .catch((error: unknown) => {
            if (isAppError(error) && error.code === 'NOT_FOUND')
              throw new CliError(`no user has the email ${email || '(none given)'}`)
            throw error
          })
        print(`Set a new password for ${user.email} and signed it out everywhere.`)
      })
      return
    }
    throw new CliError(`usage: masthead ${this.usage}`, 2)
  },
}
