/** One error of an Admin API answer: `{ "errors": [{ "code", "message", "property" }] }`. */
export interface ApiErrorItem {
  code: string
  message: string
  property?: string
}

/** A failed API call: the HTTP status and the errors the server sent (none when unreachable). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorItem[],
    readonly retryAfterSeconds?: number,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`)
    this.name = 'ApiError'
  }

  /** Whether any error has this code. */
  has(code: string): boolean {
    return this.errors.some((error) => error.code === code)
  }
}

/** The status of a request that never reached the server. */
export const NETWORK_FAILURE = 0

/** Reads the errors out of any JSON body, tolerating bodies that are not the usual shape. */
export function parseErrorBody(body: unknown): ApiErrorItem[] {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return []
  const { errors } = body
  if (!Array.isArray(errors)) return []
  return errors.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { code, message, property } = item as Record<string, unknown>
    if (typeof code !== 'string') return []
    return [
      {
        code,
        message: typeof message === 'string' ? message : code,
        ...(typeof property === 'string' ? { property } : {}),
      },
    ]
  })
}
