import { ApiError, NETWORK_FAILURE } from '../api/api-error.js'
import type { MessageKey } from '../i18n/messages.js'

type Translate = (key: MessageKey) => string

/** Codes of the entry routes the desk words itself, in the interface's language. */
const WORDED: Partial<Record<string, MessageKey>> = {
  COVERAGE_ENDED: 'liveCoverageEndedError',
  NOT_FOUND: 'liveEntryGoneError',
  NOT_A_LIVE_STORY: 'liveNotLiveError',
  FORBIDDEN: 'liveForbiddenError',
}

/**
 * What to tell the person when a write of the desk failed: a known refusal in their language,
 * an empty body as such, else the API's own message (which names what was wrong).
 */
export function deskErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('errorGeneric')
  if (error.status === NETWORK_FAILURE) return t('networkError')
  const first = error.errors[0]
  if (!first) return t('errorGeneric')
  if (first.code === 'VALIDATION_FAILED' && first.property === 'body') return t('liveEmptyBody')
  const worded = WORDED[first.code]
  return worded ? t(worded) : first.message
}
