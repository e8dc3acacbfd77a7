import { describe, expect, it } from 'vitest'
import {
  actionsFor,
  countWords,
  isPublishShortcut,
  publishingBlockedReason,
  splitTags,
} from './workflow.js'

describe('the workflow buttons', () => {
  it('offers an editor every move the status allows', () => {
    expect(actionsFor('draft', 'editor')).toEqual(['submit', 'publish', 'schedule'])
    expect(actionsFor('in_review', 'editor')).toEqual(['publish', 'schedule', 'return'])
    expect(actionsFor('scheduled', 'admin')).toEqual(['publish', 'unschedule'])
    expect(actionsFor('published', 'author')).toEqual(['unpublish'])
    expect(actionsFor('unpublished', 'editor')).toEqual(['publish', 'reopen'])
  })

  it('offers a contributor only submitting and reopening', () => {
    expect(actionsFor('draft', 'contributor')).toEqual(['submit'])
    expect(actionsFor('in_review', 'contributor')).toEqual([])
    expect(actionsFor('unpublished', 'contributor')).toEqual(['reopen'])
  })

  it('tells a contributor why there is no publish button, and no one else', () => {
    expect(publishingBlockedReason('draft', 'contributor')).toBe('reasonContributorCannotPublish')
    expect(publishingBlockedReason('in_review', 'contributor')).toBe('reasonWaitingForEditor')
    expect(publishingBlockedReason('published', 'contributor')).toBeUndefined()
    for (const role of ['author', 'editor', 'admin'] as const)
      expect(publishingBlockedReason('draft', role)).toBeUndefined()
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
