import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors/app-error.js'
import type { ChangeContext } from '../modules/access/actor.js'

/**
 * Who asks and from where, for a service operation. Guarded routes always have an actor; without
 * one this fails closed.
 */
export function contextOf(request: FastifyRequest): ChangeContext {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token')
  return { actor: request.actor, ipAddress: request.ip }
}
