import { describe, expect, it } from 'vitest'
// The server's own tables, as the session answer and GET /api/admin/workflow carry them.
import { permissionsOf } from '../../../src/modules/access/permissions.js'
import { describeWorkflow } from '../../../src/modules/editorial/workflow.js'
import type { UserRole } from '../api/types.js'
import {
  actionsFor,
  countWords,
  isPublishShortcut,
  publishingBlockedReason,
  splitTags,
} from './workflow.js'

const workflow = describeWorkflow()
const offeredTo = (role: UserRole) => (status: Parameters<typeof actionsFor>[0]) =>
  actionsFor(status, workflow, permissionsOf(role))
const blockedFor = (role: UserRole) => (status: Parameters<typeof actionsFor>[0]) =>
  publishingBlockedReason(status, permissionsOf(role))

describe('the workflow buttons', () => {
  it('offers an editor every move the status allows', () => {
    expect(offeredTo('editor')('draft')).toEqual(['submit', 'publish', 'schedule'])
    expect(offeredTo('editor')('in_review')).toEqual(['publish', 'schedule', 'return'])
    expect(offeredTo('admin')('scheduled')).toEqual(['publish', 'unschedule'])
    expect(offeredTo('author')('published')).toEqual(['unpublish'])
    expect(offeredTo('editor')('unpublished')).toEqual(['publish', 'reopen'])
  })

  it('offers a contributor only submitting and reopening', () => {
    expect(offeredTo('contributor')('draft')).toEqual(['submit'])
    expect(offeredTo('contributor')('in_review')).toEqual([])
    expect(offeredTo('contributor')('unpublished')).toEqual(['reopen'])
  })

  it('tells a contributor why there is no publish button, and no one else', () => {
    expect(blockedFor('contributor')('draft')).toBe('reasonContributorCannotPublish')
    expect(blockedFor('contributor')('in_review')).toBe('reasonWaitingForEditor')
    expect(blockedFor('contributor')('published')).toBeUndefined()
    for (const role of ['author', 'editor', 'admin'] as const)
      expect(blockedFor(role)('draft')).toBeUndefined()
  })

  it('publishes with Control (or Command) + Shift + Enter only', () => {
    const keys = { ctrlKey: false, metaKey: false, shiftKey: true, key: 'Enter' }
    expect(isPublishShortcut({ ...keys, ctrlKey: true })).toBe(true)
    expect(isPublishShortcut({ ...keys, metaKey: true })).toBe(true)
    expect(isPublishShortcut(keys)).toBe(false)
    expect(isPublishShortcut({ ...keys, ctrlKey: true, shiftKey: false })).toBe(false)
  })
})

describe('counting words', () => {
  it('counts runs of letters and digits in any script', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('The cup, won 2-1.')).toBe(5)
    expect(countWords('فاز السواحل بالكأس 2024')).toBe(4)
  })
})

describe('typing tags', () => {
  it('splits at Latin and Arabic commas, dropping blanks and repeats', () => {
    expect(splitTags('Football, cup ,, football،كرة القدم')).toEqual([
      'Football',
      'cup',
      'كرة القدم',
    ])
  })
})
