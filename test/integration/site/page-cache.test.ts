import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/modules/access/actor.js'
import { siteUrls } from '../../../src/site/site-urls.js'
import { createDemoSite } from '../../helpers/demo-site.js'
import { describeEachDatabase, type TestStore } from '../../helpers/test-databases.js'

const editorial = { actor: systemActor, ipAddress: null }

/** A live English article with a live Arabic translation, tags, an author and a source. */
async function findPairedArticle(store: TestStore) {
  const rows = await store.db
    .selectFrom('articles as article')
    .innerJoin(
      'articles as translation',
      'translation.translationGroup',
      'article.translationGroup',
    )
    .innerJoin('articleTags', 'articleTags.articleId', 'article.id')
    .innerJoin('articleAuthors', 'articleAuthors.articleId', 'article.id')
    .select(['article.id', 'translation.id as translationId'])
    .where('article.language', '=', 'en')
    .where('translation.language', '=', 'ar')
    .where('article.status', '=', 'published')
    .where('translation.status', '=', 'published')
    .where('article.sourceId', 'is not', null)
    .orderBy('article.id')
    .execute()
  const first = rows[0]
  if (!first) throw new Error('the demo has no translated article with tags, author and source')
  return first
}

/** Everything a page of an article links to by slug. */
async function placementOf(store: TestStore, id: number) {
  const { db } = store
  const article = await db
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const section = await db
    .selectFrom('sectionTranslations')
    .select('slug')
    .where('sectionId', '=', article.sectionId)
    .where('language', '=', article.language)
    .executeTakeFirstOrThrow()
  const tags = await db
    .selectFrom('tags')
    .innerJoin('articleTags', 'articleTags.tagId', 'tags.id')
    .select(['tags.id', 'tags.slug'])
    .where('articleTags.articleId', '=', id)
    .execute()
  const authors = await db
    .selectFrom('authors')
    .innerJoin('articleAuthors', 'articleAuthors.authorId', 'authors.id')
    .select(['authors.id', 'authors.slug'])
    .where('articleAuthors.articleId', '=', id)
    .execute()
  const source =
    article.sourceId === null
      ? undefined
      : await db
          .selectFrom('sources')
          .select(['id', 'slug'])
          .where('id', '=', article.sourceId)
          .executeTakeFirstOrThrow()
  return { article, sectionSlug: section.slug, tags, authors, source }
}

describeEachDatabase('page cache', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createDemoSite(store())
  })
  afterAll(async () => {
    await app.close()
  })
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })
  const pathOf = async (id: number) =>
    app.newsroom.articles.publicPathOf(await app.newsroom.articles.get(systemActor, id))

  it('serves a stored page precompressed, with a strong ETag, 304, and CDN headers', async () => {
    const { id } = await findPairedArticle(store())
    const path = await pathOf(id)
    const miss = await get(path)
    expect(miss.statusCode).toBe(200)
    expect(miss.headers['x-cache']).toBe('MISS')
    expect(miss.headers['cache-control']).toBe(
      'public, max-age=60, s-maxage=86400, stale-while-revalidate=300, stale-if-error=86400',
    )
    expect(String(miss.headers['surrogate-key']).split(' ')).toContain(`a:${id}`)
    expect(String(miss.headers['cache-tag']).split(',')).toContain(`a:${id}`)
    await app.newsroom.pageCache.settled()

    const identity = await get(path)
    expect(identity.headers['x-cache']).toBe('HIT')
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(identity.body).toBe(miss.body)
    expect(identity.headers['etag']).toBe(miss.headers['etag'])
    expect(identity.headers['vary']).toBe('Accept-Encoding')
    expect(identity.headers['surrogate-key']).toBe(miss.headers['surrogate-key'])

    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(miss.body)
    expect(br.rawPayload.length).toBeLessThan(miss.rawPayload.length / 3)
    const gzip = await get(path, { 'accept-encoding': 'gzip;q=1, br;q=0' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(miss.body)
    expect(new Set([identity, br, gzip].map((reply) => reply.headers['etag'])).size).toBe(3)

    for (const reply of [identity, br, gzip]) {
      const etag = String(reply.headers['etag'])
      const again = await get(path, { 'if-none-match': etag, 'accept-encoding': 'br' })
      expect(again.statusCode).toBe(304)
      expect(again.body).toBe('')
    }
    expect((await get(path, { 'if-none-match': '"other"' })).statusCode).toBe(200)
  })

  it('answers the first reader after a purge compressed, as the page is served to the next', async () => {
    const { id } = await findPairedArticle(store())
    const path = await pathOf(id)
    const missAfterPurge = (headers: Record<string, string>) => {
      app.newsroom.pageCache.purge([`a:${id}`])
      return get(path, headers)
    }

    const br = await missAfterPurge({ 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['x-cache']).toBe('MISS')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['vary']).toBe('Accept-Encoding')
    const html = brotliDecompressSync(br.rawPayload).toString()
    expect(html).toContain('<html')
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length)
    await app.newsroom.pageCache.settled()
    const brHit = await get(path, { 'accept-encoding': 'br' })
    expect(brHit.headers['x-cache']).toBe('HIT')
    expect(br.headers['etag']).toBe(brHit.headers['etag'])
    expect(br.rawPayload.equals(brHit.rawPayload)).toBe(true)

    const gzip = await missAfterPurge({ 'accept-encoding': 'gzip' })
    expect(gzip.headers['x-cache']).toBe('MISS')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.headers['vary']).toBe('Accept-Encoding')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(html)
    await app.newsroom.pageCache.settled()
    expect(gzip.headers['etag']).toBe(
      (await get(path, { 'accept-encoding': 'gzip' })).headers['etag'],
    )

    const identity = await missAfterPurge({})
    expect(identity.headers['x-cache']).toBe('MISS')
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(identity.headers['vary']).toBe('Accept-Encoding')
    expect(identity.body).toBe(html)
    await app.newsroom.pageCache.settled()
    expect(identity.headers['etag']).toBe((await get(path)).headers['etag'])

    const revalidated = await missAfterPurge({
      'accept-encoding': 'br',
      'if-none-match': String(br.headers['etag']),
    })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.headers['etag']).toBe(br.headers['etag'])
  })

  it('renders a missing page once for many simultaneous readers', async () => {
    const path = siteUrls.home('ar')
    app.newsroom.pageCache.purge(['edition:ar'])
    const replies = await Promise.all(Array.from({ length: 20 }, () => get(path)))
    expect(replies.map((reply) => reply.statusCode)).toEqual(replies.map(() => 200))
    expect(replies.filter((reply) => reply.headers['x-cache'] === 'MISS')).toHaveLength(1)
    expect(new Set(replies.map((reply) => reply.body)).size).toBe(1)
  })

  it('purges exactly the pages an article update affects, and nothing else', async () => {
    const { id, translationId } = await findPairedArticle(store())
    const placement = await placementOf(store(), id)
    const { db } = store()
    // Another English article that shares no section, tag, author, source or translation.
    const sharedTagArticles = db
      .selectFrom('articleTags')
      .select('articleId')
      .where(
        'tagId',
        'in',
        placement.tags.map((tag) => tag.id),
      )
    const sharedAuthorArticles = db
      .selectFrom('articleAuthors')
      .select('articleId')
      .where(
        'authorId',
        'in',
        placement.authors.map((author) => author.id),
      )
    const unrelated = await db
      .selectFrom('articles')
      .select(['id', 'sectionId'])
      .where('language', '=', 'en')
      .where('status', '=', 'published')
      .where('sectionId', '!=', placement.article.sectionId)
      .where('id', 'not in', sharedTagArticles)
      .where('id', 'not in', sharedAuthorArticles)
      .where((eb) =>
        eb.or([eb('sourceId', 'is', null), eb('sourceId', '!=', placement.article.sourceId ?? -1)]),
      )
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const unrelatedPlacement = await placementOf(store(), unrelated.id)
    const unrelatedTag = await db
      .selectFrom('tags')
      .select('slug')
      .where('language', '=', 'en')
      .where(
        'id',
        'not in',
        placement.tags.map((tag) => tag.id),
      )
      .where('id', 'in', db.selectFrom('articleTags').select('tagId'))
      .orderBy('id')
      .executeTakeFirstOrThrow()

    const affected = [
      await pathOf(id),
      await pathOf(translationId),
      siteUrls.home('en'),
      siteUrls.section('en', placement.sectionSlug),
      ...placement.tags.map((tag) => siteUrls.tag('en', tag.slug)),
      ...placement.authors.map((author) => siteUrls.author('en', author.slug)),
      siteUrls.source('en', placement.source?.slug ?? ''),
      '/en/rss.xml',
      `/en/${placement.sectionSlug}/atom.xml`,
      '/sitemap.xml',
      '/sitemaps/news-en.xml',
      '/api/v1/articles?language=en',
      `/api/v1/articles/${id}`,
      '/en/search?q=water',
    ]
    const untouched = [
      await pathOf(unrelated.id),
      siteUrls.home('ar'),
      siteUrls.section('en', unrelatedPlacement.sectionSlug),
      siteUrls.tag('en', unrelatedTag.slug),
      '/ar/search?q=water',
      `/api/v1/articles/${unrelated.id}`,
      '/api/v1/articles?language=ar',
      '/sitemaps/sections-en.xml',
    ]
    const before = new Map<string, string>()
    for (const url of [...affected, ...untouched]) {
      const reply = await get(url)
      expect(reply.statusCode, url).toBe(200)
      before.set(url, reply.body)
      expect((await get(url)).headers['x-cache'], url).toBe('HIT')
    }

    await app.newsroom.articles.save(editorial, id, {
      headline: 'Cache purge check: a headline changed after publication',
    })

    for (const url of affected) {
      const reply = await get(url)
      expect(reply.headers['x-cache'], `${url} should have been purged`).toBe('MISS')
    }
    for (const url of untouched) {
      const reply = await get(url)
      expect(reply.headers['x-cache'], `${url} should have been kept`).toBe('HIT')
      expect(reply.body, url).toBe(before.get(url))
    }
    for (const url of [await pathOf(id), `/api/v1/articles/${id}`]) {
      expect((await get(url)).body, url).toContain(
        'Cache purge check: a headline changed after publication',
      )
    }
  })

  it('shows an unpublished article as gone at once, and back in its section when published again', async () => {
    const { id } = await findPairedArticle(store())
    const path = await pathOf(id)
    const section = siteUrls.section('en', (await placementOf(store(), id)).sectionSlug)
    expect((await get(path)).statusCode).toBe(200)
    expect((await get(section)).body).toContain(`/${id}-`)
    await app.newsroom.articles.transition(editorial, id, { action: 'unpublish' })
    expect((await get(path)).statusCode).toBe(410)
    expect((await get(section)).body).not.toContain(`/${id}-`)
    await app.newsroom.articles.transition(editorial, id, { action: 'publish' })
    expect((await get(path)).statusCode).toBe(200)
    expect((await get(section)).body).toContain(`/${id}-`)
  })
})
