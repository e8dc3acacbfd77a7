import type { BrowserContext, Page } from 'playwright-core'

/** One event of a Chrome trace, as much of it as the measurement reads. */
interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  args?: { data?: { url?: string } }
}

/** Trace events that run a script's code: its evaluation, and the timers and listeners it set. */
const SCRIPT_TASKS = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'EventDispatch'])

function runsScript(event: TraceEvent, urlPart: string): boolean {
  return SCRIPT_TASKS.has(event.name) && (event.args?.data?.url ?? '').includes(urlPart)
}

/** What a script cost the main thread, in milliseconds: its longest task and all its tasks. */
export interface ScriptCost {
  longestTaskMs: number
  totalMs: number
}

/**
 * Opens `url` in `page` with the CPU slowed `cpuSlowdown` times (Lighthouse's phone profile uses 4)
 * and answers the main-thread time of the tasks that run the script whose URL contains
 * `scriptUrlPart`, from the start of the navigation until the load event: its evaluation with the
 * style and layout it forces, and any timer or listener of it that ran by then.
 */
export async function scriptMainThreadMs(input: {
  context: BrowserContext
  page: Page
  url: string
  scriptUrlPart: string
  cpuSlowdown: number
}): Promise<ScriptCost> {
  const { context, page, scriptUrlPart } = input
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: input.cpuSlowdown })
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline',
    transferMode: 'ReportEvents',
  })
  await page.goto(input.url, { waitUntil: 'load' })
  const isComplete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  )
  await cdp.send('Tracing.end')
  await isComplete
  await cdp.detach()
  const evaluation = events.find(
    (event) => event.name === 'EvaluateScript' && runsScript(event, scriptUrlPart),
  )
  if (!evaluation) throw new Error(`the trace shows no evaluation of ${scriptUrlPart}`)
  // Only outermost tasks of the page's main thread: a nested event's time is in its parent's.
  const tasks = events
    .filter(
      (event) =>
        event.tid === evaluation.tid && event.ph === 'X' && runsScript(event, scriptUrlPart),
    )
    .sort((a, b) => a.ts - b.ts)
  const durations: number[] = []
  let coveredUntil = -Infinity
  for (const task of tasks) {
    if (task.ts >= coveredUntil) durations.push((task.dur ?? 0) / 1000)
    coveredUntil = Math.max(coveredUntil, task.ts + (task.dur ?? 0))
  }
  return { longestTaskMs: Math.max(0, ...durations), totalMs: durations.reduce((a, b) => a + b, 0) }
}
