import { h } from '../jsx/html.js'
import { exactDateTime, relativeTime } from '../i18n/format-time.js'
import type { Frame } from '../view-models.js'

/**
 * A publication time: relative text that is right when rendered, the exact date as its title, and
 * the instant in `datetime` so that site.js keeps the text right on a cached page.
 */
export function TimeAgo(props: { frame: Frame; instant: string }) {
  const instant = new Date(props.instant)
  return (
    <time
      datetime={instant.toISOString()}
      title={exactDateTime(props.frame.locale, props.frame.timeZone, instant)}
      data-relative
    >
      {relativeTime(props.frame.locale, instant, props.frame.now)}
    </time>
  )
}
