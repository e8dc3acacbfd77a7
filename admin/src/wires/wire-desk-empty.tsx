import { useEffect, useState } from 'react'
import { api } from '../api/client.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Link } from '../router.js'

/**
 * What an empty wire desk says when no filter narrows it: with no agency feed set up, how to add
 * one, with a link to Settings → Agency feeds for those who may add feeds (the others are told to
 * ask an editor); with feeds, that nothing has arrived yet.
 */
export function WireDeskEmpty({ canAddFeeds }: { canAddFeeds: boolean }) {
  const { t } = useI18n()
  const [hasFeeds, setHasFeeds] = useState<boolean | undefined>()
  useEffect(() => {
    api<{ items: unknown[] }>('GET', 'wires/feeds').then(
      (answer) => setHasFeeds(answer.items.length > 0),
      () => setHasFeeds(false),
    )
  }, [])
  if (hasFeeds === undefined) return null
  if (hasFeeds) return <p className="notice">{t('wireNothingYet')}</p>
  if (!canAddFeeds) return <p className="notice">{t('wireNoFeedsAskEditor')}</p>
  return (
    <div className="notice">
      <p>{t('wireNoFeeds')}</p>
      <p>
        <Link to="/settings/wire-feeds">{t('wireAddFeedLink')}</Link>
      </p>
    </div>
  )
}
