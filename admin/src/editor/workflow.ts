import type { ArticleStatus, SessionUser } from '../api/types.js'
import type { MessageKey } from '../i18n/messages.js'

/** A move of the article workflow, as `POST …/transitions {"action"}` takes it. */
export type WorkflowAction =
  'submit' | 'return' | 'schedule' | 'unschedule' | 'publish' | 'unpublish' | 'reopen'

/** The workflow of docs/api.md: where each action may start, and whether it needs publish rights. */
const ACTIONS: Record<WorkflowAction, { from: readonly ArticleStatus[]; isPublishing: boolean }> = {
  submit: { from: ['draft'], isPublishing: false },
  publish: { from: ['draft', 'in_review', 'scheduled', 'unpublished'], isPublishing: true },
  schedule: { from: ['draft', 'in_review'], isPublishing: true },
  return: { from: ['in_review'], isPublishing: true },
  unschedule: { from: ['scheduled'], isPublishing: true },
  unpublish: { from: ['published'], isPublishing: true },
  reopen: { from: ['unpublished'], isPublishing: false },
}

/** The actions to offer for an article in `status`, in the order of their buttons. */
export function actionsFor(status: ArticleStatus, role: SessionUser['role']): WorkflowAction[] {
  const canPublish = role !== 'contributor'
  return (Object.keys(ACTIONS) as WorkflowAction[]).filter(
    (action) =>
      ACTIONS[action].from.includes(status) && (canPublish || !ACTIONS[action].isPublishing),
  )
}

/**
 * Why the person cannot publish this article, or undefined when they can (or when there is
 * nothing left to publish). Contributors write and submit; editors and authors publish.
 */
export function publishingBlockedReason(
  status: ArticleStatus,
  role: SessionUser['role'],
): MessageKey | undefined {
  if (role !== 'contributor' || status === 'published') return undefined
  if (status === 'in_review') return 'reasonWaitingForEditor'
  if (status === 'scheduled') return 'reasonScheduledByEditor'
  return 'reasonContributorCannotPublish'
}

/** True for the publish shortcut: Control (or Command) + Shift + Enter. */
export function isPublishShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'key'>,
): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && event.key === 'Enter'
}

export const ACTION_LABELS: Record<WorkflowAction, MessageKey> = {
  submit: 'actionSubmit',
  return: 'actionReturn',
  schedule: 'actionSchedule',
  unschedule: 'actionUnschedule',
  publish: 'actionPublish',
  unpublish: 'actionUnpublish',
  reopen: 'actionReopen',
}

export const STATUS_LABELS: Record<ArticleStatus, MessageKey> = {
  draft: 'statusDraft',
  in_review: 'statusInReview',
  scheduled: 'statusScheduled',
  published: 'statusPublished',
  unpublished: 'statusUnpublished',
}

/** Words as the server counts them: runs of letters and digits, in any script. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
}

/** Tags typed as text: split at commas (Latin or Arabic), trimmed, without blanks or repeats. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>()
  return text
    .split(/[,،]/)
    .map((tag) => tag.trim())
    .filter((tag) => {
      const key = tag.toLowerCase()
      if (!tag || seen.has(key)) return false
      seen.add(key)
      return true
    })
}
