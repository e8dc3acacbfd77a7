import { clockTime } from '../i18n/format-time.js'
import { h } from '../jsx/html.js'
import type { Frame, LiveCoverageView } from '../view-models.js'
import { LiveEntryArticle } from './live-entry.js'
import { Pagination } from './pagination.js'
import { TimeAgo } from './time-ago.js'

/** "Live, started 3 hours ago" or "Coverage ended, ended 2 hours ago", above the headline. */
export function LiveBadge(props: { frame: Frame; live: LiveCoverageView }) {
  const { frame, live } = props
  const isLive = live.state === 'live'
  const since = isLive ? live.startedAt : live.endedAt
  return (
    <p class={`live-badge live-badge--${live.state}`}>
      <span class="live-badge__state">
        {isLive ? frame.t('liveNow') : frame.t('coverageEnded')}
      </span>
      {since ? (
        <span class="live-badge__since">
          {isLive ? frame.t('coverageStartedAt') : frame.t('coverageEndedAt')}{' '}
          <TimeAgo frame={frame} instant={since} />
        </span>
      ) : null}
    </p>
  )
}

/** The key events, newest first, each linking to its entry. */
function KeyEvents(props: { frame: Frame; live: LiveCoverageView }) {
  const { frame, live } = props
  if (live.keyEvents.length === 0) return null
  return (
    <nav class="live-key-events" aria-labelledby="live-key-events-title">
      <h2 id="live-key-events-title">{frame.t('keyEvents')}</h2>
      <ol>
        {live.keyEvents.map((event) => {
          const instant = new Date(event.createdAt)
          return (
            <li>
              <a href={event.permalink}>
                <time datetime={instant.toISOString()}>
                  {clockTime(frame.locale, frame.timeZone, instant, frame.now)}
                </time>{' '}
                <span class="live-key-events__text">{event.text}</span>
              </a>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

/**
 * What a live story shows below its introduction: the pinned entry, the key events, then one
 * page of entries newest first, each an `<li>` of `<ol class="live-entries">` (site.js inserts
 * new ones at its top), and links to newer and older pages. Everything is in the HTML: the page
 * needs no script.
 */
export function LiveCoverage(props: {
  frame: Frame
  articleId: number
  path: string
  live: LiveCoverageView
}) {
  const { frame, live } = props
  return (
    <div class="live-coverage">
      {live.pinned && live.page === 1 ? (
        <section class="live-pinned" aria-labelledby="live-pinned-title">
          <h2 id="live-pinned-title" class="visually-hidden">
            {frame.t('pinnedEntry')}
          </h2>
          <LiveEntryArticle
            frame={frame}
            entry={live.pinned.entry}
            byline={live.pinned.byline}
            pinnedCopy={{ permalink: live.pinned.permalink }}
          />
        </section>
      ) : null}
      <KeyEvents frame={frame} live={live} />
      <section class="live-updates" aria-labelledby="live-updates-title">
        <h2 id="live-updates-title" class="live-updates__title">
          {live.page === 1 ? frame.t('liveUpdates') : frame.t('liveUpdatesOlder')}
        </h2>
        {live.entries.length === 0 ? (
          <p class="live-updates__empty">{frame.t('noEntriesYet')}</p>
        ) : null}
        <ol class="live-entries" data-article-id={String(props.articleId)}>
          {live.entries.map((item) => (
            <li class="live-entries__item">
              <LiveEntryArticle frame={frame} entry={item.entry} byline={item.byline} />
            </li>
          ))}
        </ol>
        <Pagination frame={frame} path={props.path} page={live.page} pageCount={live.pageCount} />
        <p class="live-updates__feed">
          <a href={live.feeds.rss} type="application/rss+xml">
            {frame.t('liveFeed')}
          </a>
        </p>
      </section>
    </div>
  )
}
