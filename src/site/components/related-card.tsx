import { h } from '../jsx/html.js'
import type { ArticleCard, Frame } from '../view-models.js'

/** A related story embedded in an article body: image, section and headline. */
export function RelatedCard(props: { frame: Frame; card: ArticleCard }) {
  const { card, frame } = props
  return (
    <aside class="related-card" aria-label={frame.t('relatedStory')}>
      {card.image ? (
        <img
          class="related-card__image"
          src={card.image.src}
          alt=""
          width={card.image.width}
          height={card.image.height}
          loading="lazy"
          decoding="async"
        />
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
