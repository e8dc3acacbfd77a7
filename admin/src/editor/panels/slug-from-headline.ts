// The server's own slug rules, shared so the slug shown while typing is the one the site will use.
import { slugify } from '../../../../src/platform/slugify.js'

/**
 * The slug to go with a new headline: it follows the headline while it still is the headline's
 * slug (or empty) and the article has never been published; a slug edited by hand, or one already
 * in a public URL, is left alone.
 */
export function slugForHeadline(input: {
  slug: string
  previousHeadline: string
  headline: string
  hasBeenPublished: boolean
}): string {
  if (input.hasBeenPublished) return input.slug
  const isFollowing = input.slug === '' || input.slug === slugify(input.previousHeadline)
  return isFollowing ? slugify(input.headline) : input.slug
}
