import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react'

/** Where the app is mounted; every path of the app starts with it. */
export const BASE = '/admin'

export type Route =
  | { name: 'dashboard' }
  | { name: 'articles'; query: URLSearchParams }
  | { name: 'new-article'; language: string }
  | { name: 'article'; id: number }
  | { name: 'live-desk'; id: number }
  | { name: 'media' }
  | { name: 'settings'; area: string }
  | { name: 'profile' }
  | { name: 'inbox'; query: URLSearchParams }
  | { name: 'audit-log'; query: URLSearchParams }
  | { name: 'wires'; query: URLSearchParams }
  | { name: 'not-found' }

/**
 * Reads a location under /admin into a route. The article list used to live at /admin itself, so
 * /admin with list filters in its query (an old link) still opens the list.
 */
export function parseRoute(pathname: string, search: string): Route {
  const path = (pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname).replace(
    /(.)\/$/,
    '$1',
  )
  const query = new URLSearchParams(search)
  if (path === '' || path === '/')
    return query.size > 0 ? { name: 'articles', query } : { name: 'dashboard' }
  if (path === '/articles') return { name: 'articles', query }
  if (path === '/media') return { name: 'media' }
  if (path === '/articles/new')
    return { name: 'new-article', language: query.get('language') ?? '' }
  const settings = /^\/settings(?:\/([a-z-]+))?\/?$/.exec(path)
  if (settings) return { name: 'settings', area: settings[1] ?? '' }
  const match = /^\/articles\/(\d+)$/.exec(path)
  if (match) return { name: 'article', id: Number(match[1]) }
  const live = /^\/articles\/(\d+)\/live$/.exec(path)
  if (live) return { name: 'live-desk', id: Number(live[1]) }
  if (path === '/profile') return { name: 'profile' }
  if (path === '/inbox') return { name: 'inbox', query }
  if (path === '/audit-log') return { name: 'audit-log', query }
  if (path === '/wires') return { name: 'wires', query }
  return { name: 'not-found' }
}

interface Navigation {
  route: Route
  /** Goes to an app path (without /admin), asking first when there are unsaved changes. */
  navigate: (path: string, options?: { replace?: boolean }) => void
  /** Registers the question to ask before leaving (or clears it with undefined). */
  setLeaveGuard: (question: string | undefined) => void
}

const NavigationContext = createContext<Navigation | undefined>(undefined)

const current = () => parseRoute(location.pathname, location.search)

/** The app's own history-based router, with a guard against leaving unsaved work. */
export function Router({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(current)
  const guard = useRef<string | undefined>(undefined)
  const shownUrl = useRef(location.href)

  useEffect(() => {
    const onPopState = () => {
      if (guard.current && !confirm(guard.current)) {
        history.pushState(null, '', shownUrl.current)
        return
      }
      guard.current = undefined
      shownUrl.current = location.href
      setRoute(current())
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (guard.current) event.preventDefault()
    }
    addEventListener('popstate', onPopState)
    addEventListener('beforeunload', onBeforeUnload)
    return () => {
      removeEventListener('popstate', onPopState)
      removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [])

  const navigate = useCallback((path: string, options: { replace?: boolean } = {}) => {
    if (guard.current && !confirm(guard.current)) return
    guard.current = undefined
    history[options.replace ? 'replaceState' : 'pushState'](null, '', BASE + path)
    shownUrl.current = location.href
    setRoute(current())
    window.scrollTo(0, 0)
  }, [])
  const setLeaveGuard = useCallback((question: string | undefined) => {
    guard.current = question
  }, [])

  return (
    <NavigationContext.Provider value={{ route, navigate, setLeaveGuard }}>
      {children}
    </NavigationContext.Provider>
  )
}

export function useNavigation(): Navigation {
  const context = useContext(NavigationContext)
  if (!context) throw new Error('useNavigation outside Router')
  return context
}

/** A link inside the app: a real <a href> (open in a new tab works) that navigates in place. */
export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useNavigation()
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={BASE + to} onClick={onClick} {...rest}>
      {children}
    </a>
  )
}
