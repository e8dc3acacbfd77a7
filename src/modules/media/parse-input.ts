import type { z } from 'zod'
import { AppError } from '../../errors/app-error.js'

/** Validates input with a zod schema; the first problem becomes VALIDATION_FAILED with its field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const property = issue?.path.map(String).join('.') || undefined
  throw new AppError('VALIDATION_FAILED', issue?.message ?? 'Invalid input', { property })
}
