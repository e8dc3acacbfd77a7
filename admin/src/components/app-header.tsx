import type { SessionUser } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Link } from '../router.js'

/** The bar on every screen: the app's name, the articles link, the language switch, the user. */
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
      {user && (
        <nav aria-label={t('articles')}>
          <Link to="/">{t('articles')}</Link>
          <Link to="/media">{t('mediaLibrary')}</Link>
          <Link to="/settings">{t('settings')}</Link>
        </nav>
      )}
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
            <span className="user-name">{t('signedInAs', { name: user.name })}</span>
            <button type="button" className="button secondary" onClick={onSignOut}>
              {t('signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  )
}
