import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from './api-error.js'

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; error: ApiError | Error } | { state: 'loaded'; data: T }

/**
 * Loads data for a screen and loads it again when `key` changes or on `reload()`; an answer that
 * arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => setRound((n) => n + 1), [])
  useEffect(() => {
    let isCurrent = true
    load().then(
      (data) => isCurrent && setLoaded({ state: 'loaded', data }),
      (error: unknown) =>
        isCurrent &&
        setLoaded({
          state: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    )
    return () => {
      isCurrent = false
    }
    // `load` is a new function each render; `key` says when what it loads has changed.
  }, [key, round])
  return [loaded, reload]
}
