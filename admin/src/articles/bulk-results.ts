import type { MessageKey } from '../i18n/messages.js'

/** What the Admin API answers for each article of a bulk action. */
export type BulkResult =
  | { id: number; outcome: 'done'; status: string | null }
  | { id: number; outcome: 'failed'; error: { code: string; message: string } }

export type BulkAction = 'publish' | 'unpublish' | 'delete'

/** The reason to show for an error code, in words a reporter understands. */
export function bulkFailureReason(code: string): MessageKey {
  switch (code) {
    case 'FORBIDDEN':
      return 'reasonForbidden'
    case 'ILLEGAL_TRANSITION':
      return 'reasonIllegalTransition'
    case 'NOT_FOUND':
      return 'reasonNotFound'
    case 'STALE_REVISION':
      return 'reasonStale'
    default:
      return 'reasonOther'
  }
}

/** How many were done and how many not, and the ids that failed (they stay selected). */
export function summarizeBulk(results: BulkResult[]): {
  done: number
  failed: number
  failedIds: Set<number>
} {
  const failedIds = new Set(results.filter((r) => r.outcome === 'failed').map((r) => r.id))
  return { done: results.length - failedIds.size, failed: failedIds.size, failedIds }
}
