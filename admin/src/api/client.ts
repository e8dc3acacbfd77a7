import { ApiError, NETWORK_FAILURE, parseErrorBody } from './api-error.js'

type Query = Record<string, string | number | readonly string[] | undefined>

let csrfToken = ''
let onUnauthenticated: () => void = () => {}

/** Remembers the CSRF token of the session, sent with every write. */
export function setCsrfToken(token: string): void {
  csrfToken = token
}

/** The CSRF header a write sends (for requests that do not go through `api`, like uploads). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {}
}

/** Called when a request answers 401 UNAUTHENTICATED: the session has ended. */
export function onSessionEnded(listener: () => void): void {
  onUnauthenticated = listener
}

/** Builds `/api/admin/<path>?…`, repeating array values (`status=a&status=b`). */
export function adminUrl(path: string, query: Query = {}): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue
    for (const item of [value].flat()) search.append(name, String(item))
  }
  const text = search.toString()
  return `/api/admin/${path}${text ? `?${text}` : ''}`
}

/** Calls the Admin API with the session cookie; throws ApiError on anything but 2xx. */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(adminUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError(NETWORK_FAILURE, [{ code: 'NETWORK_FAILURE', message: 'unreachable' }])
  }
  const body: unknown =
    response.status === 204 ? undefined : await response.json().catch(() => ({}))
  if (response.ok) return body as T
  const errors = parseErrorBody(body)
  const retryAfter = Number(response.headers.get('retry-after'))
  const error = new ApiError(
    response.status,
    errors,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  )
  if (response.status === 401 && error.has('UNAUTHENTICATED') && path !== 'session')
    onUnauthenticated()
  throw error
}
