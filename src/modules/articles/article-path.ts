/**
 * The public path of an article: `/{lang}/{section}/{id}-{slug}` (STANDARDS §5.8). Arabic
 * segments are percent-encoded; the id alone resolves the article, the slug is for readers.
 */
export function articlePath(input: {
  language: string
  sectionSlug: string
  id: number
  slug: string
}): string {
  const slugPart = input.slug ? `${input.id}-${input.slug}` : String(input.id)
  return `/${input.language}/${encodeURIComponent(input.sectionSlug)}/${encodeURIComponent(slugPart)}`
}
