import type { z } from 'zod'
import { AppError, type FieldProblem } from './app-error.js'

/** Where a request's input came from, for fields that have no path of their own. */
export interface ValidationPart {
  /** `body` or `query`: names the field of a problem at the root, and prefixes each message. */
  part?: string
}

/** The field a zod issue points at, as the client named it (`tags.2`, `seo.title`). */
function propertyOf(issue: z.ZodError['issues'][number], part: string | undefined) {
  return issue.path.map(String).join('.') || part
}

/**
 * VALIDATION_FAILED naming every invalid field of the input, one problem per field (the first
 * zod found for it). The first is the error's own message and property, as it always was; the
 * rest follow it in the response's `errors`.
 */
export function validationFailure(error: z.ZodError, { part }: ValidationPart = {}): AppError {
  const problems: FieldProblem[] = []
  for (const issue of error.issues) {
    const property = propertyOf(issue, part)
    if (problems.some((problem) => problem.property === property)) continue
    const message = part ? `${property ?? part}: ${issue.message}` : issue.message
    problems.push({ message, property })
  }
  const [first, ...others] = problems
  return new AppError('VALIDATION_FAILED', first?.message ?? 'Invalid input', {
    property: first?.property,
    otherProblems: others,
  })
}
