import { useCallback, useEffect, useState } from 'react'
import { listMedia, type MediaItem, type MediaPage } from '../api/media.js'

const SEARCH_DELAY_MS = 250

/** A page of the library for the search words and file type, reloaded as they change. */
export function useMediaList(pageSize = 24) {
  const [q, setQ] = useState('')
  const [type, setType] = useState('')
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<MediaPage | undefined>()
  const [hasFailed, setFailed] = useState(false)
  const [reloads, setReloads] = useState(0)

  useEffect(() => {
    let isCurrent = true
    const timer = setTimeout(() => {
      listMedia({ q: q.trim(), type, page, pageSize }).then(
        (answer) => {
          if (!isCurrent) return
          setResult(answer)
          setFailed(false)
        },
        () => isCurrent && setFailed(true),
      )
    }, SEARCH_DELAY_MS)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [q, type, page, pageSize, reloads])

  const reload = useCallback(() => setReloads((count) => count + 1), [])
  /** Shows an item changed or added here before the next reload. */
  const replace = useCallback(
    (item: MediaItem) =>
      setResult((current) => {
        if (!current) return current
        const has = current.items.some((other) => other.id === item.id)
        return {
          ...current,
          items: has
            ? current.items.map((other) => (other.id === item.id ? item : other))
            : [item, ...current.items],
        }
      }),
    [],
  )
  return {
    q,
    setQ: (value: string) => {
      setQ(value)
      setPage(1)
    },
    type,
    setType: (value: string) => {
      setType(value)
      setPage(1)
    },
    page,
    setPage,
    result,
    hasFailed,
    reload,
    replace,
  }
}

export type MediaList = ReturnType<typeof useMediaList>
