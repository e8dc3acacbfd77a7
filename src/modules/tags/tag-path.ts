/** The public path of a tag's page: `/{lang}/tag/{slug}`, the slug percent-encoded. */
export function tagPath(language: string, slug: string): string {
  return `/${language}/tag/${encodeURIComponent(slug)}`
}
