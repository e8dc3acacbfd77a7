import type { DemoServer } from './browser.js'

/** The canonical path of the first live article of an edition with a photo gallery. */
export async function galleryArticlePath(server: DemoServer, language: string): Promise<string> {
  const row = await server.store.db
    .selectFrom('articles')
    .select('id')
    .where('language', '=', language)
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([eb('bodyHtml', 'like', '%gallery-block%'), eb('heroGalleryId', 'is not', null)]),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow()
  return server.articlePath(language, row.id)
}

/** A live article of an edition whose translation into the other edition is live too. */
export async function translatedArticle(
  server: DemoServer,
  language: string,
  other: string,
): Promise<{ path: string; translationPath: string; translationHeadline: string }> {
  const row = await server.store.db
    .selectFrom('articles as original')
    .innerJoin(
      'articles as translation',
      'translation.translationGroup',
      'original.translationGroup',
    )
    .select(['original.id as id', 'translation.id as translationId', 'translation.headline'])
    .where('original.language', '=', language)
    .where('original.status', '=', 'published')
    .where('translation.language', '=', other)
    .where('translation.status', '=', 'published')
    .orderBy('original.id')
    .executeTakeFirstOrThrow()
  return {
    path: await server.articlePath(language, row.id),
    translationPath: await server.articlePath(other, row.translationId),
    translationHeadline: row.headline,
  }
}

/** The listing path of an edition's first top-level section. */
export async function sectionPath(server: DemoServer, language: string): Promise<string> {
  const row = await server.store.db
    .selectFrom('sectionTranslations')
    .innerJoin('sections', 'sections.id', 'sectionTranslations.sectionId')
    .select('slug')
    .where('language', '=', language)
    .where('parentId', 'is', null)
    .orderBy('sections.position')
    .orderBy('sections.id')
    .executeTakeFirstOrThrow()
  return `/${language}/${row.slug}/`
}

/** The canonical path of the demo's live story in an edition. */
export async function liveStoryPath(server: DemoServer, language: string): Promise<string> {
  const row = await server.store.db
    .selectFrom('articles')
    .select('id')
    .where('language', '=', language)
    .where('type', '=', 'live')
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  return server.articlePath(language, row.id)
}
