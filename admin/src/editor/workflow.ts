import type { ArticleStatus, Permission, Workflow, WorkflowAction } from '../api/types.js'
import type { MessageKey } from '../i18n/messages.js'

export type { WorkflowAction }

/**
 * The actions to offer for an article in `status`, in the order of their buttons: the moves of the
 * server's workflow that start there and that the person's permissions allow.
 */
export function actionsFor(
  status: ArticleStatus,
  workflow: Workflow['actions'],
  permissions: readonly Permission[],
): WorkflowAction[] {
  const offered = workflow.filter(
    (move) => move.from.includes(status) && permissions.includes(move.permission),
  )
  return BUTTON_ORDER.filter((action) => offered.some((move) => move.action === action))
}

/**
 * Why the person cannot publish this article, or undefined when they can (or when there is
 * nothing left to publish). Contributors write and submit; editors and authors publish.
 */
export function publishingBlockedReason(
  status: ArticleStatus,
  permissions: readonly Permission[],
): MessageKey | undefined {
  if (permissions.includes('articles.publish') || status === 'published') return undefined
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

/** Each action's button label, in the order the buttons stand. */
export const ACTION_LABELS: Record<WorkflowAction, MessageKey> = {
  submit: 'actionSubmit',
  publish: 'actionPublish',
  schedule: 'actionSchedule',
  return: 'actionReturn',
  unschedule: 'actionUnschedule',
  unpublish: 'actionUnpublish',
  reopen: 'actionReopen',
}

const BUTTON_ORDER = Object.keys(ACTION_LABELS) as WorkflowAction[]

export const STATUS_LABELS: Record<ArticleStatus, MessageKey> = {
  draft: 'statusDraft',
  in_review: 'statusInReview',
  scheduled: 'statusScheduled',
  published: 'statusPublished',
  unpublished: 'statusUnpublished',
}

/** Every status, in the order filters list them (the labels above name each one). */
export const ARTICLE_STATUSES = Object.keys(STATUS_LABELS) as ArticleStatus[]

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
