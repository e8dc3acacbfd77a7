import { h } from '../jsx/html.js'
import type { ArticleCard, Frame } from '../view-models.js'
import { Picture } from './picture.js'
import { TimeAgo } from './time-ago.js'

/** The sizes attribute for card images in the site's grid. */
const CARD_SIZES = '(min-width: 60rem) 30rem, 100vw'

/** One story in a list: image, section, headline, dek and time. */
export function ArticleCardView(props: {
  frame: Frame
  card: ArticleCard
  variant?: 'lead' | 'standard' | 'compact'
  isEager?: boolean
  headingLevel?: 2 | 3
}) {
  const { card, frame } = props
  const variant = props.variant ?? 'standard'
  const Heading = `h${props.headingLevel ?? 3}`
  return (
    <article class={`card card--${variant}`}>
      {card.image && variant !== 'compact' ? (
        <a class="card__media" href={card.url} tabindex="-1" aria-hidden="true">
          <Picture image={card.image} alt="" sizes={CARD_SIZES} isLead={props.isEager} />
        </a>
      ) : null}
      <div class="card__body">
        <p class="card__meta">
          {card.isBreaking ? <span class="badge">{frame.t('breaking')}</span> : null}
          {card.isLive ? <span class="badge badge--live">{frame.t('liveNow')}</span> : null}
          <a class="card__section" href={card.section.url}>
            {card.section.label}
          </a>
        </p>
        {h(Heading, { class: 'card__headline' }, <a href={card.url}>{card.headline}</a>)}
        {variant !== 'compact' && card.dek ? <p class="card__dek">{card.dek}</p> : null}
        <p class="card__time">
          <TimeAgo frame={frame} instant={card.publishedAt} />
        </p>
      </div>
    </article>
  )
}
