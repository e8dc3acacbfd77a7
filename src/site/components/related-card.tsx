import { h } from '../jsx/html.js'
import type { ArticleCard, Frame } from '../view-models.js'
import { Picture } from './picture.js'

/** Related cards sit in the body column, their image in a narrow side slot. */
const RELATED_SIZES = '(min-width: 48rem) 12rem, 33vw'

/** A related story embedded in an article body: image, section and headline. */
export function RelatedCard(props: { frame: Frame; card: ArticleCard }) {
  const { card, frame } = props
  return (
    <aside class="related-card" aria-label={frame.t('relatedStory')}>
      {card.image ? (
        <Picture class="related-card__image" image={card.image} alt="" sizes={RELATED_SIZES} />
      ) : null}
      <div class="related-card__text">
        <p class="related-card__section">{card.section.label}</p>
        <p class="related-card__headline">
          <a href={card.url}>{card.headline}</a>
        </p>
      </div>
    </aside>
  )
}
