import type { z } from 'zod'
import { validationFailure } from '../../errors/validation-failure.js'

/** Validates input with a zod schema; VALIDATION_FAILED names every invalid field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw validationFailure(result.error)
}
