import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importGhost } from '../../../src/importers/ghost/import-ghost.js'
import type { ImportReport } from '../../../src/importers/import-report.js'
import { ARTICLE_TEXT_LIMITS } from '../../../src/modules/editorial/article-schemas.js'
import { TAG_NAME_LENGTH } from '../../../src/modules/tags/tag-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { runWordPressImport } from '../../helpers/wordpress-import-harness.js'

const folder = mkdtempSync(join(tmpdir(), 'masthead-long-texts-'))
/** 10,000 characters of Arabic with harakat and emoji, so a careless cut would split one. */
const LONG_TITLE = 'عنوانٌ طويلٌ جدًّا 👩‍👩‍👧 '.repeat(500).slice(0, 10_000)
const LONG_TAG = 'وسم طويل 🇸🇦 '.repeat(40)

function wordPressExport(): string {
  const path = join(folder, 'long.xml')
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Long</title><link>https://long.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://long.example</wp:base_blog_url>
<wp:tag><wp:term_id>7</wp:term_id><wp:tag_slug>long-tag</wp:tag_slug><wp:tag_name><![CDATA[${LONG_TAG}]]></wp:tag_name></wp:tag>
<item>
<title><![CDATA[${LONG_TITLE}]]></title>
<link>https://long.example/long/</link>
<guid isPermaLink="false">long-1</guid>
<content:encoded><![CDATA[<p>Body.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>42</wp:post_id>
<wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt>
<wp:post_name>long</wp:post_name>
<wp:status>draft</wp:status>
<wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password>
<category domain="post_tag" nicename="long-tag"><![CDATA[${LONG_TAG}]]></category>
</item>
</channel></rss>
`,
  )
  return path
}

function ghostExport(): string {
  const path = join(folder, 'long.json')
  const post = {
    id: 'p1',
    uuid: 'u1',
    title: LONG_TITLE,
    slug: 'long-ghost',
    html: '<p>Body.</p>',
    status: 'draft',
    type: 'post',
  }
  const tags = [
    { id: 't1', name: 'News', slug: 'news' },
    { id: 't2', name: LONG_TAG, slug: 'long-ghost-tag' },
  ]
  const postsTags = tags.map((tag, index) => ({ post_id: 'p1', tag_id: tag.id, sort_order: index }))
  const data = { posts: [post], tags, posts_tags: postsTags }
  writeFileSync(path, JSON.stringify({ db: [{ meta: { version: '5.0.0' }, data }] }))
  return path
}

describeEachDatabase('imported texts over the API’s limits', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(async () => {
    await app.close()
  })

  /** The imported article, found by its tag's slug. */
  async function articleTagged(tagSlug: string) {
    return store()
      .db.selectFrom('articles')
      .innerJoin('articleTags', 'articleTags.articleId', 'articles.id')
      .innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select(['articles.id', 'articles.headline', 'articles.version', 'tags.name as tagName'])
      .where('tags.slug', '=', tagSlug)
      .executeTakeFirstOrThrow()
  }

  async function expectSavedUnchanged(article: { id: number; headline: string }) {
    const saved = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { headline: article.headline },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    const fetched = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}`,
    })
    const body = fetched.json<{ tags: (string | { name: string })[] }>()
    const tags = body.tags.map((tag) => (typeof tag === 'string' ? tag : tag.name))
    const again = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { headline: article.headline, tags },
    })
    expect(again.statusCode, again.body).toBe(200)
  }

  function expectFitted(article: { headline: string; tagName: string }) {
    expect(article.headline.length).toBeLessThanOrEqual(ARTICLE_TEXT_LIMITS.headline)
    expect(article.headline.endsWith('…')).toBe(true)
    expect(LONG_TITLE.startsWith(article.headline.slice(0, -1))).toBe(true)
    expect(article.tagName.length).toBeLessThanOrEqual(TAG_NAME_LENGTH)
    expect(LONG_TAG.startsWith(article.tagName.slice(0, -1))).toBe(true)
  }

  function shortenedFields(report: ImportReport) {
    return report.shortened.map(({ item, field, limit }) => ({ item, field, limit }))
  }

  it('imports a WordPress post with a 10,000-character title, shortened and reported, that the newsroom can save', async () => {
    const report = await runWordPressImport(store().db, {
      path: wordPressExport(),
      dataDir: mkdtempSync(join(tmpdir(), 'masthead-long-data-')),
    })
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject({ articles: 1, tags: 1 })
    const article = await articleTagged('long-tag')
    expectFitted(article)
    await expectSavedUnchanged(article)
    const name = `post 42 "${LONG_TITLE.slice(0, 40)}`
    expect(shortenedFields(report)).toEqual([
      { item: 'tag "long-tag"', field: 'name', limit: TAG_NAME_LENGTH },
      {
        item: expect.stringContaining(name) as string,
        field: 'title',
        limit: ARTICLE_TEXT_LIMITS.headline,
      },
    ])
  })

  it('imports a Ghost post with a 10,000-character title, shortened and reported, that the newsroom can save', async () => {
    const report = await importGhost({ db: store().db, path: ghostExport(), now: () => TEST_NOW })
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject({ articles: 1, tags: 1 })
    const article = await articleTagged('long-ghost-tag')
    expectFitted(article)
    await expectSavedUnchanged(article)
    expect(shortenedFields(report)).toEqual([
      {
        item: expect.stringContaining('post p1 "عنوانٌ') as string,
        field: 'title',
        limit: ARTICLE_TEXT_LIMITS.headline,
      },
      { item: 'tag "long-ghost-tag"', field: 'name', limit: TAG_NAME_LENGTH },
    ])
  })
})
