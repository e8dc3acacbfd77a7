import { describe, expect, it } from 'vitest'
import { bulkFailureReason, summarizeBulk, type BulkResult } from './bulk-results.js'

describe('bulk action results', () => {
  const results: BulkResult[] = [
    { id: 1, outcome: 'done', status: 'published' },
    { id: 2, outcome: 'failed', error: { code: 'ILLEGAL_TRANSITION', message: 'x' } },
    { id: 3, outcome: 'failed', error: { code: 'NOT_FOUND', message: 'x' } },
  ]

  it('count what was done and keep the failed rows', () => {
    expect(summarizeBulk(results)).toEqual({ done: 1, failed: 2, failedIds: new Set([2, 3]) })
  })

  it('give each error code a reason, and a general one for the rest', () => {
    expect(bulkFailureReason('ILLEGAL_TRANSITION')).toBe('reasonIllegalTransition')
    expect(bulkFailureReason('FORBIDDEN')).toBe('reasonForbidden')
    expect(bulkFailureReason('NOT_FOUND')).toBe('reasonNotFound')
    expect(bulkFailureReason('STALE_REVISION')).toBe('reasonStale')
    expect(bulkFailureReason('INTERNAL')).toBe('reasonOther')
  })
})
