import type { ArticleSummary } from '../../modules/articles/article.js'
import { findMediaByIds, type MediaItem } from '../../modules/media/media-queries.js'
import { creditIn } from '../../modules/media/media-credit.js'
import { responsiveImage } from '../../modules/media/responsive-image.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { siteUrls } from '../site-urls.js'
import type { ArticleCard, ImageView } from '../view-models.js'
import type { SiteContext } from './load-frame.js'

/**
 * A media item as a template image, in the edition's language: the whole picture, or its 16:9 focal
 * crop for cards; with its responsive sources once the variant job has made them.
 */
export function toImageView(
  media: MediaItem,
  language: string,
  shape: 'full' | '16:9' = 'full',
): ImageView {
  const responsive = responsiveImage(media.variants, shape)
  const social = media.variants?.files.find((file) => file.shape === 'social')
  const isCrop = shape !== 'full' && responsive !== undefined
  return {
    src: responsive?.src ?? siteUrls.media(media.storageKey),
    width: isCrop ? responsive.width : media.width,
    height: isCrop ? responsive.height : media.height,
    alt: pickLocalized(media.alt, language),
    caption: pickLocalized(media.caption, language) || undefined,
    credit: creditIn(media, language),
    srcset: responsive?.srcset,
    sources: responsive?.sources,
    social: social && {
      src: siteUrls.media(social.key),
      width: social.width,
      height: social.height,
    },
  }
}

/** The path of an article in its edition, from its section's slug. */
export function articleUrl(
  context: SiteContext,
  article: Pick<ArticleSummary, 'id' | 'slug' | 'sectionId' | 'language'>,
): string {
  const section = context.sections.find((candidate) => candidate.id === article.sectionId)
  return siteUrls.article({
    language: article.language,
    sectionSlug: section?.translations[article.language]?.slug ?? 'news',
    id: article.id,
    slug: article.slug,
  })
}

/** Turns summaries into cards, loading all their images in one query. */
export async function loadCards(
  context: SiteContext,
  summaries: ArticleSummary[],
): Promise<ArticleCard[]> {
  const language = context.frame.language
  const media = await findMediaByIds(
    context.db,
    summaries.map((summary) => summary.heroMediaId).filter((id): id is number => id !== null),
  )
  return summaries.map((summary) => {
    context.uses.add(cacheTags.article(summary.id))
    if (summary.heroMediaId !== null) context.uses.add(cacheTags.media(summary.heroMediaId))
    const section = context.sections.find((candidate) => candidate.id === summary.sectionId)
    const translation = section?.translations[language]
    const image = summary.heroMediaId === null ? undefined : media.get(summary.heroMediaId)
    return {
      id: summary.id,
      url: articleUrl(context, summary),
      headline: summary.headline,
      dek: summary.dek,
      section: {
        label: translation?.name ?? '',
        url: siteUrls.section(language, translation?.slug ?? ''),
      },
      publishedAt: summary.publishedAt ?? summary.updatedAt,
      image: image && toImageView(image, language, '16:9'),
      isBreaking:
        summary.isBreaking &&
        (summary.breakingUntil === null || summary.breakingUntil > context.frame.now.toISOString()),
      isLive: summary.type === 'live' && summary.coverageState === 'live',
    }
  })
}
