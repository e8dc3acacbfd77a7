import { api } from '../api/client.js'
import { useLoad } from '../api/use-load.js'
import type { Workflow } from '../api/types.js'

let cached: Promise<Workflow> | undefined

/** The server's workflow table (`GET /api/admin/workflow`), loaded once per page load. */
export function loadWorkflow(): Promise<Workflow> {
  cached ??= api<Workflow>('GET', 'workflow').catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

/** The workflow's moves, or undefined while they load (or when they could not be loaded). */
export function useWorkflow(): Workflow['actions'] | undefined {
  const [workflow] = useLoad(loadWorkflow, 'workflow')
  return workflow.state === 'loaded' ? workflow.data.actions : undefined
}
