import type { EntryByline } from '../../modules/live/live-entry-bylines.js'
import type { LiveEntry } from '../../modules/live/live-entry.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { clockTime } from '../i18n/format-time.js'
import { h, raw } from '../jsx/html.js'
import { siteUrls } from '../site-urls.js'
import type { EntryFrame } from '../view-models.js'
import { TimeAgo } from './time-ago.js'

export interface LiveEntryProps {
  entry: LiveEntry
  byline: EntryByline | undefined
  /** The page's frame, or the few parts of it an entry needs (loadEntryFrame). */
  frame: EntryFrame
  /**
   * The copy of the pinned entry shown above the list: its id is `pinned-entry-{id}` (the list
   * keeps `entry-{id}`) and its permalink leads to the entry in the list, `permalink` when the
   * entry is on another page of the story.
   */
  pinnedCopy?: { permalink: string }
}

/** The anchor of an entry in its story's page: what permalinks and the key events link to. */
export const entryAnchor = (id: number) => `entry-${id}`

function EntryByline(props: { frame: EntryFrame; byline: EntryByline | undefined }) {
  const { frame, byline } = props
  if (!byline) return null
  const author = byline.author
  return (
    <p class="live-entry__byline">
      {frame.t('by')}{' '}
      {author ? (
        <a href={siteUrls.author(frame.language, author.slug)} rel="author">
          <bdi>{pickLocalized(author.name, frame.language)}</bdi>
        </a>
      ) : (
        <bdi>{byline.userName}</bdi>
      )}
    </p>
  )
}

/**
 * One update of a live story: its time (the clock time links to the entry, the relative time is
 * kept current by site.js), its flags, optional title, body, writer and "updated" note. The reader
 * stream pushes the same markup (renderLiveEntryHtml), so the page and the stream never differ;
 * `data-entry-id` finds every copy of an entry to replace or remove.
 */
export function LiveEntryArticle(props: LiveEntryProps) {
  const { entry, frame } = props
  const anchor = entryAnchor(entry.id)
  const posted = new Date(entry.createdAt)
  const classes = [
    'live-entry',
    entry.isKeyEvent ? 'live-entry--key-event' : '',
    entry.isPinned ? 'live-entry--pinned' : '',
  ]
  return (
    <article
      id={props.pinnedCopy ? `pinned-${anchor}` : anchor}
      class={classes.filter(Boolean).join(' ')}
      data-entry-id={String(entry.id)}
    >
      <header class="live-entry__header">
        <p class="live-entry__when">
          <a
            class="live-entry__permalink"
            href={props.pinnedCopy?.permalink ?? `#${anchor}`}
            title={frame.t('entryPermalink')}
          >
            <time datetime={posted.toISOString()}>
              {clockTime(frame.locale, frame.timeZone, posted, frame.now)}
            </time>
          </a>{' '}
          <span class="live-entry__ago">
            <TimeAgo frame={frame} instant={entry.createdAt} />
          </span>
          {entry.isPinned ? (
            <span class="live-entry__flag live-entry__flag--pinned">{frame.t('pinnedEntry')}</span>
          ) : null}
          {entry.isKeyEvent ? (
            <span class="live-entry__flag live-entry__flag--key-event">{frame.t('keyEvent')}</span>
          ) : null}
        </p>
        {entry.title ? <h3 class="live-entry__title">{entry.title}</h3> : null}
      </header>
      <div class="live-entry__body">{raw(entry.bodyHtml)}</div>
      {props.byline || entry.editedAt ? (
        <footer class="live-entry__footer">
          <EntryByline frame={frame} byline={props.byline} />
          {entry.editedAt ? (
            <p class="live-entry__updated">
              {frame.t('updated')} <TimeAgo frame={frame} instant={entry.editedAt} />
            </p>
          ) : null}
        </footer>
      ) : null}
    </article>
  )
}

/** The markup of one entry as a string: what the reader stream sends to open pages. */
export function renderLiveEntryHtml(props: LiveEntryProps): string {
  return LiveEntryArticle(props).value
}
