/** The slice of `document` the poller needs: whether the page is seen, and when that changes. */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState
  addEventListener(type: 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'visibilitychange', listener: () => void): void
}

/**
 * Runs `poll` every `intervalMs` while the page is visible, one run at a time (the next waits
 * for the last to settle); a hidden tab stops asking, and a tab shown again asks at once.
 * Answers the function that stops it.
 */
export function startVisiblePolling(options: {
  poll: () => Promise<void>
  intervalMs: number
  page?: VisibilitySource
}): () => void {
  const { poll, intervalMs, page = document } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  let isRunning = false
  let isStopped = false

  const schedule = (delay: number) => {
    clearTimeout(timer)
    timer = undefined
    if (!isStopped && page.visibilityState === 'visible') timer = setTimeout(run, delay)
  }
  const run = () => {
    timer = undefined
    if (isRunning || isStopped) return
    isRunning = true
    poll()
      .catch(() => undefined)
      .finally(() => {
        isRunning = false
        schedule(intervalMs)
      })
  }
  const onVisibilityChange = () => {
    if (page.visibilityState === 'visible') {
      if (!isRunning) schedule(0)
    } else {
      clearTimeout(timer)
      timer = undefined
    }
  }
  page.addEventListener('visibilitychange', onVisibilityChange)
  schedule(intervalMs)
  return () => {
    isStopped = true
    clearTimeout(timer)
    page.removeEventListener('visibilitychange', onVisibilityChange)
  }
}
