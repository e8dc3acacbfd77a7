import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { usePermissions } from '../api/permissions-context.js'
import type { Permission, SessionUser } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { Link, useNavigation, type Route } from '../router.js'
import '../screens/screens.css'

/** One link of the header's navigation: where it goes, its label, and who sees it. */
interface NavLink {
  to: string
  label: MessageKey
  /** The routes during which the link is marked as the current page. */
  routes: Route['name'][]
  /** The permission the screen needs; without one, everyone sees the link. */
  permission?: Permission
}

/** The main navigation; a screen of the whole newsroom adds one line here. */
const MAIN_LINKS: NavLink[] = [
  { to: '/', label: 'navDashboard', routes: ['dashboard'] },
  { to: '/articles', label: 'articles', routes: ['articles', 'article', 'new-article'] },
  { to: '/media', label: 'mediaLibrary', routes: ['media'] },
  { to: '/wires', label: 'navWires', routes: ['wires'] },
]

/** The "Manage" menu: settings and administration screens, one line each. */
const MANAGE_LINKS: NavLink[] = [
  { to: '/settings', label: 'settings', routes: ['settings'] },
  { to: '/inbox', label: 'navInbox', routes: ['inbox'], permission: 'contact.manage' },
  { to: '/audit-log', label: 'navAuditLog', routes: ['audit-log'], permission: 'audit.read' },
]

const visibleWith = (permissions: readonly Permission[]) => (link: NavLink) =>
  !link.permission || permissions.includes(link.permission)

/** The bar on every screen: the app's name, the navigation, the language switch, the user. */
export function AppHeader({ user, onSignOut }: { user?: SessionUser; onSignOut?: () => void }) {
  const { t, language, setLanguage } = useI18n()
  const other = language === 'ar' ? 'en' : 'ar'
  return (
    <header className="app-header">
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <Link to="/" className="brand">
        {t('appName')}
      </Link>
      {user && <MainNav />}
      <div className="header-end">
        <button
          type="button"
          className="link-button"
          lang={other}
          title={t('switchLanguageLabel')}
          onClick={() => setLanguage(other)}
        >
          {t('switchLanguage')}
        </button>
        {user && (
          <>
            <Link to="/profile" className="profile-link" title={t('navProfile')}>
              <span className="user-name">{t('signedInAs', { name: user.name })}</span>
              <span className="profile-short">{t('navProfile')}</span>
            </Link>
            <button type="button" className="button secondary" onClick={onSignOut}>
              {t('signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  )
}

function MainNav() {
  const { t } = useI18n()
  const { route } = useNavigation()
  const isVisible = visibleWith(usePermissions())
  const manage = MANAGE_LINKS.filter(isVisible)
  const item = (link: NavLink) => (
    <li key={link.to}>
      <Link to={link.to} aria-current={link.routes.includes(route.name) ? 'page' : undefined}>
        {t(link.label)}
      </Link>
    </li>
  )
  return (
    <nav className="main-nav" aria-label={t('navLabel')}>
      <ul>
        {MAIN_LINKS.filter(isVisible).map(item)}
        {manage.length > 0 && (
          <li>
            <ManageMenu
              isCurrent={manage.some((link) => link.routes.includes(route.name))}
              routeName={route.name}
            >
              {manage.map(item)}
            </ManageMenu>
          </li>
        )}
      </ul>
    </nav>
  )
}

/** A disclosure button with a list under it; closes on Escape, on leaving it, and on navigation. */
function ManageMenu({
  isCurrent,
  routeName,
  children,
}: {
  isCurrent: boolean
  routeName: Route['name']
  children: ReactNode
}) {
  const { t } = useI18n()
  const [isOpen, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => setOpen(false), [routeName])
  return (
    <div
      className="manage-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !isOpen) return
        setOpen(false)
        button.current?.focus()
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <button
        ref={button}
        type="button"
        className={isCurrent ? 'nav-button current' : 'nav-button'}
        aria-expanded={isOpen}
        aria-controls="manage-links"
        onClick={() => setOpen(!isOpen)}
      >
        {t('navManage')}
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id="manage-links" hidden={!isOpen}>
        {children}
      </ul>
    </div>
  )
}
