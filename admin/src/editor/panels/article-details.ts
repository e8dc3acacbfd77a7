import type { Article } from '../../api/types.js'

/** The search and social overrides the editor edits; empty means "use the headline and dek". */
export interface SeoDraft {
  title: string
  description: string
  socialTitle: string
  socialDescription: string
  /** A share image chosen elsewhere; carried through saves untouched. */
  imageMediaId?: number
}

/** What the side panels edit around the body: bylines, source, search and social, placement. */
export interface ArticleDetails {
  authorIds: number[]
  /** A source id as the select holds it; '' for none. */
  sourceId: string
  sourceUrl: string
  seo: SeoDraft
  isBreaking: boolean
  isFeatured: boolean
  /** A pin position as the input holds it; '' for not pinned. */
  pinnedPosition: string
}

export const EMPTY_DETAILS: ArticleDetails = {
  authorIds: [],
  sourceId: '',
  sourceUrl: '',
  seo: { title: '', description: '', socialTitle: '', socialDescription: '' },
  isBreaking: false,
  isFeatured: false,
  pinnedPosition: '',
}

/** The details of a loaded article. */
export function detailsOf(article: Article): ArticleDetails {
  return {
    authorIds: article.authors.map((author) => author.id),
    sourceId: article.source ? String(article.source.id) : '',
    sourceUrl: article.sourceUrl ?? '',
    seo: {
      title: article.seo.title ?? '',
      description: article.seo.description ?? '',
      socialTitle: article.seo.socialTitle ?? '',
      socialDescription: article.seo.socialDescription ?? '',
      ...(article.seo.imageMediaId === undefined ? {} : { imageMediaId: article.seo.imageMediaId }),
    },
    isBreaking: article.isBreaking,
    isFeatured: article.isFeatured,
    pinnedPosition: article.pinnedPosition === null ? '' : String(article.pinnedPosition),
  }
}

/**
 * The details as the Admin API takes them. Blank overrides are left out so the headline and dek
 * apply; a share image chosen elsewhere is kept. A pin that is not a number is sent as typed,
 * for the server to name the field that is wrong.
 */
export function detailsPayload(details: ArticleDetails) {
  const seo: Article['seo'] = {}
  if (details.seo.imageMediaId !== undefined) seo.imageMediaId = details.seo.imageMediaId
  for (const key of ['title', 'description', 'socialTitle', 'socialDescription'] as const) {
    const value = details.seo[key].trim()
    if (value) seo[key] = value
  }
  const pin = details.pinnedPosition.trim()
  return {
    authors: details.authorIds,
    source: details.sourceId ? Number(details.sourceId) : null,
    sourceUrl: details.sourceUrl.trim() || null,
    seo,
    isBreaking: details.isBreaking,
    isFeatured: details.isFeatured,
    pinnedPosition: pin === '' ? null : /^\d+$/.test(pin) ? Number(pin) : pin,
  }
}
