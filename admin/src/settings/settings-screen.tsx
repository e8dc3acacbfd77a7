import { useEffect } from 'react'
import { usePermissions } from '../api/permissions-context.js'
import type { SessionUser } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Link } from '../router.js'
import { AuthorsArea } from './areas/authors-area.js'
import { PagesArea } from './areas/pages-area.js'
import { RedirectsArea } from './areas/redirects-area.js'
import { SectionsArea } from './areas/sections-area.js'
import { SiteArea } from './areas/site-area.js'
import { SourcesArea } from './areas/sources-area.js'
import { TagsArea } from './areas/tags-area.js'
import { TokensArea } from './areas/tokens-area.js'
import { UsersArea } from './areas/users-area.js'
import { WebhooksArea } from './areas/webhooks-area.js'
import { visibleAreas, type SettingsAreaSlug } from './rights.js'
import { WireFeedsArea } from '../wires/wire-feeds-area.js'
import './settings.css'

/** /admin/settings/…: the newsroom's administration, one area at a time, with its own menu. */
export default function SettingsScreen({ user, area }: { user: SessionUser; area: string }) {
  const { t } = useI18n()
  const permissions = usePermissions()
  const areas = visibleAreas(permissions)
  const current = areas.find((candidate) => candidate.slug === area) ?? areas[0]
  const canWriteTaxonomy = permissions.includes('taxonomy.write')
  const slug: SettingsAreaSlug | undefined = current?.slug
  useEffect(() => {
    // On a phone the menu scrolls sideways: keep the open area's link in view.
    document
      .querySelector('.settings-nav [aria-current=page]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [slug])
  return (
    <div className="settings-screen">
      <nav className="settings-nav" aria-label={t('settings')}>
        <h1 className="settings-title">{t('settings')}</h1>
        <ul>
          {areas.map((candidate) => (
            <li key={candidate.slug}>
              <Link
                to={`/settings/${candidate.slug}`}
                aria-current={candidate.slug === slug ? 'page' : undefined}
              >
                {t(candidate.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings-area" aria-labelledby="settings-area-title">
        <h2 id="settings-area-title" className="area-title">
          {current ? t(current.label) : t('notFound')}
        </h2>
        {slug === 'sections' && <SectionsArea canWrite={canWriteTaxonomy} />}
        {slug === 'tags' && <TagsArea canWrite={canWriteTaxonomy} />}
        {slug === 'sources' && <SourcesArea canWrite={canWriteTaxonomy} />}
        {slug === 'authors' && <AuthorsArea canWrite={canWriteTaxonomy} />}
        {slug === 'pages' && <PagesArea />}
        {slug === 'site' && <SiteArea canWrite={permissions.includes('settings.write')} />}
        {slug === 'redirects' && <RedirectsArea />}
        {slug === 'users' && <UsersArea currentUserId={user.id} />}
        {slug === 'tokens' && <TokensArea />}
        {slug === 'webhooks' && <WebhooksArea />}
        {slug === 'wire-feeds' && <WireFeedsArea />}
      </section>
    </div>
  )
}
