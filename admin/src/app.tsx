import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { ApiError } from './api/api-error.js'
import { api, onSessionEnded, setCsrfToken } from './api/client.js'
import { PermissionsProvider } from './api/permissions-context.js'
import type { Permission, Session, SessionUser } from './api/types.js'
import { AppHeader } from './components/app-header.js'
import { useI18n } from './i18n/i18n-context.js'
import { uiLanguageOf } from './i18n/messages.js'
import { useNavigation } from './router.js'
import { ArticlesScreen } from './screens/articles-screen.js'
import { AuditLogScreen } from './screens/audit-log-screen.js'
import { DashboardScreen } from './screens/dashboard-screen.js'
import { InboxScreen } from './screens/inbox-screen.js'
import { ProfileScreen } from './screens/profile-screen.js'
import { SignInScreen } from './screens/sign-in-screen.js'

// The editor (and TipTap with it) loads only when an article is opened.
const EditorScreen = lazy(() => import('./editor/editor-screen.js'))
const MediaLibraryScreen = lazy(() => import('./media/media-library-screen.js'))
const SettingsScreen = lazy(() => import('./settings/settings-screen.js'))
const WiresScreen = lazy(() => import('./wires/wires-screen.js'))
const LiveDeskScreen = lazy(() => import('./live/live-desk-screen.js'))

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; user: SessionUser; permissions: Permission[] }
  /** The session ended while working: the screen stays, and a sign-in dialog covers it. */
  | { kind: 'expired'; user: SessionUser; permissions: Permission[] }

/** The newsroom app: the session, the header and the screen of the current route. */
export function App() {
  const { t, setLanguage } = useI18n()
  const { route } = useNavigation()
  const [session, setSession] = useState<SessionState>({ kind: 'loading' })

  const sessionFound = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken ?? '')
    setSession({ kind: 'signed-in', user: next.user, permissions: next.permissions })
  }, [])
  /**
   * At sign-in the language chosen in the profile wins over this browser's last choice; later
   * (a reload) the header's switch is left as the person set it.
   */
  const signedIn = useCallback(
    (next: Session) => {
      const chosen = uiLanguageOf(next.user.uiLanguage)
      if (chosen) setLanguage(chosen)
      sessionFound(next)
    },
    [setLanguage, sessionFound],
  )
  const userChanged = useCallback(
    (user: SessionUser) =>
      setSession((state) => (state.kind === 'signed-in' ? { ...state, user } : state)),
    [],
  )

  useEffect(() => {
    onSessionEnded(() =>
      setSession((state) => (state.kind === 'signed-in' ? { ...state, kind: 'expired' } : state)),
    )
    api<Session>('GET', 'session').then(sessionFound, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setSession({ kind: 'signed-out' })
      else setSession({ kind: 'signed-out' })
    })
  }, [sessionFound])

  const signOut = async () => {
    await api('DELETE', 'session').catch(() => undefined)
    setCsrfToken('')
    setSession({ kind: 'signed-out' })
  }

  if (session.kind === 'loading')
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    )
  if (session.kind === 'signed-out')
    return (
      <>
        <AppHeader />
        <main id="content" tabIndex={-1}>
          <SignInScreen onSignedIn={signedIn} />
        </main>
      </>
    )

  const { user } = session
  return (
    <PermissionsProvider value={session.permissions}>
      <AppHeader user={user} onSignOut={() => void signOut()} />
      <main id="content" tabIndex={-1} inert={session.kind === 'expired'}>
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('loading')}
            </p>
          }
        >
          {route.name === 'dashboard' && <DashboardScreen />}
          {route.name === 'articles' && <ArticlesScreen query={route.query} />}
          {route.name === 'new-article' && <EditorScreen key="new" language={route.language} />}
          {route.name === 'article' && <EditorScreen key={route.id} articleId={route.id} />}
          {route.name === 'live-desk' && <LiveDeskScreen key={route.id} articleId={route.id} />}
          {route.name === 'media' && <MediaLibraryScreen />}
          {route.name === 'settings' && <SettingsScreen user={user} area={route.area} />}
          {route.name === 'profile' && <ProfileScreen user={user} onUserChanged={userChanged} />}
          {route.name === 'inbox' && <InboxScreen query={route.query} />}
          {route.name === 'audit-log' && <AuditLogScreen query={route.query} />}
          {route.name === 'wires' && <WiresScreen query={route.query} />}
          {route.name === 'not-found' && <p className="notice">{t('notFound')}</p>}
        </Suspense>
      </main>
      {session.kind === 'expired' && (
        <div className="overlay">
          <SignInScreen
            isDialog
            notice={t('sessionExpired')}
            email={user.email}
            onSignedIn={signedIn}
          />
        </div>
      )}
    </PermissionsProvider>
  )
}
