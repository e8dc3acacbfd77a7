import { h } from '../jsx/html.js'
import { exactDateTime, relativeParts, relativeTime } from '../i18n/format-time.js'
import type { Frame } from '../view-models.js'

/**
 * A publication time: relative text that is right when rendered, the exact date as its title, and
 * the instant in `datetime` so that site.js keeps the text right on a cached page. `data-relative`
 * holds the value and unit the text shows ("-5 minute"): the script compares its own with it and
 * formats only what changed, because the first Intl formatter of a page costs a phone a tenth of
 * a second.
 */
export function TimeAgo(props: {
  frame: Pick<Frame, 'locale' | 'timeZone' | 'now'>
  instant: string
}) {
  const instant = new Date(props.instant)
  const { value, unit } = relativeParts(instant, props.frame.now)
  return (
    <time
      datetime={instant.toISOString()}
      title={exactDateTime(props.frame.locale, props.frame.timeZone, instant)}
      data-relative={`${value} ${unit}`}
    >
      {relativeTime(props.frame.locale, instant, props.frame.now)}
    </time>
  )
}
