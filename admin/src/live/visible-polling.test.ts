import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startVisiblePolling, type VisibilitySource } from './visible-polling.js'

/** A page whose visibility the test sets. */
function fakePage(): VisibilitySource & { show(isVisible: boolean): void } {
  const listeners = new Set<() => void>()
  const page = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_type: 'visibilitychange', listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: 'visibilitychange', listener: () => void) =>
      listeners.delete(listener),
    show(isVisible: boolean) {
      page.visibilityState = isVisible ? 'visible' : 'hidden'
      for (const listener of listeners) listener()
    },
  }
  return page
}

describe('polling while the page is visible', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks every interval, and stops when stopped', async () => {
    const poll = vi.fn(() => Promise.resolve())
    const stop = startVisiblePolling({ poll, intervalMs: 3000, page: fakePage() })
    await vi.advanceTimersByTimeAsync(2999)
    expect(poll).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(3000)
    expect(poll).toHaveBeenCalledTimes(2)
    stop()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(poll).toHaveBeenCalledTimes(2)
  })

  it('pauses while the tab is hidden and asks at once when it is shown again', async () => {
    const page = fakePage()
    const poll = vi.fn(() => Promise.resolve())
    const stop = startVisiblePolling({ poll, intervalMs: 3000, page })
    page.show(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(poll).toHaveBeenCalledTimes(0)
    page.show(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(poll).toHaveBeenCalledTimes(1)
    stop()
  })

  it('waits for a slow answer before asking again, and goes on after a failure', async () => {
    let settle: () => void = () => undefined
    const poll = vi
      .fn<() => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (settle = resolve)))
      .mockImplementationOnce(() => Promise.reject(new Error('offline')))
      .mockImplementation(() => Promise.resolve())
    const stop = startVisiblePolling({ poll, intervalMs: 1000, page: fakePage() })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(poll).toHaveBeenCalledTimes(1)
    settle()
    await vi.advanceTimersByTimeAsync(1000)
    expect(poll).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(poll).toHaveBeenCalledTimes(3)
    stop()
  })
})
