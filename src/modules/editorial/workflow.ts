import type { ArticleStatus } from '../../db/database.js'
import type { Permission } from '../access/permissions.js'

/** The moves an article can make between statuses, and who may make them. */
export const WORKFLOW_ACTIONS = {
  submit: { from: ['draft'], to: 'in_review', permission: 'articles.submit' },
  return: { from: ['in_review'], to: 'draft', permission: 'articles.publish' },
  schedule: { from: ['draft', 'in_review'], to: 'scheduled', permission: 'articles.publish' },
  unschedule: { from: ['scheduled'], to: 'draft', permission: 'articles.publish' },
  publish: {
    from: ['draft', 'in_review', 'scheduled', 'unpublished'],
    to: 'published',
    permission: 'articles.publish',
  },
  unpublish: { from: ['published'], to: 'unpublished', permission: 'articles.publish' },
  reopen: { from: ['unpublished'], to: 'draft', permission: 'articles.write' },
} as const satisfies Record<
  string,
  { from: readonly ArticleStatus[]; to: ArticleStatus; permission: Permission }
>

export type WorkflowAction = keyof typeof WORKFLOW_ACTIONS
export const WORKFLOW_ACTION_NAMES = Object.keys(WORKFLOW_ACTIONS) as WorkflowAction[]

/** Whether the action may start from this status. */
export function canMove(action: WorkflowAction, from: ArticleStatus): boolean {
  return (WORKFLOW_ACTIONS[action].from as readonly ArticleStatus[]).includes(from)
}

/** The action that reaches `to` from `from`, if the workflow has one. */
export function actionBetween(from: ArticleStatus, to: ArticleStatus): WorkflowAction | undefined {
  return WORKFLOW_ACTION_NAMES.find(
    (action) => WORKFLOW_ACTIONS[action].to === to && canMove(action, from),
  )
}

/** The workflow as the Admin API describes it (`GET /api/admin/workflow`), in this order. */
export function describeWorkflow() {
  return WORKFLOW_ACTION_NAMES.map((action) => {
    const { from, to, permission } = WORKFLOW_ACTIONS[action]
    return { action, from: [...from], to, permission }
  })
}
