import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { TAG_NAME_LENGTH } from '../../../src/modules/tags/tag-queries.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { runWordPressImport } from '../../helpers/wordpress-import-harness.js'

const LONG_NAME = 'Port '.repeat(40).trim()

/** A WXR file declaring one tag at its top, and a post filed under terms it does not declare. */
function exportWithUndeclaredTerms(): string {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-terms-'))
  const path = join(folder, 'terms.xml')
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Terms</title><link>https://terms.example</link><language>en</language>
  <wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://terms.example</wp:base_blog_url>
  <wp:tag><wp:term_id>1</wp:term_id><wp:tag_slug>weather</wp:tag_slug><wp:tag_name><![CDATA[Weather]]></wp:tag_name></wp:tag>
  <item>
    <title>Harbour reopens</title><link>https://terms.example/harbour-reopens/</link>
    <wp:post_id>11</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
    <wp:post_name>harbour-reopens</wp:post_name><wp:post_date_gmt>2026-05-01 08:00:00</wp:post_date_gmt>
    <content:encoded><![CDATA[<p>Open again.</p>]]></content:encoded>
    <category domain="category" nicename="harbour-news"><![CDATA[Harbour News]]></category>
    <category domain="post_tag" nicename="weather"><![CDATA[Weather]]></category>
    <category domain="post_tag" nicename="cranes"><![CDATA[Cranes & Quays]]></category>
    <category domain="post_tag" nicename="long-port"><![CDATA[${LONG_NAME}]]></category>
  </item>
</channel>
</rss>`,
  )
  return path
}

describeEachDatabase('WordPress import of terms the file does not declare', (store) => {
  it('creates the categories and tags items use, by nicename, names fitted', async () => {
    const report = await runWordPressImport(store().db, {
      path: exportWithUndeclaredTerms(),
      dataDir: mkdtempSync(join(tmpdir(), 'masthead-terms-data-')),
    })
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject({ articles: 1, sections: 1, tags: 3 })
    const { db } = store()
    const article = await db
      .selectFrom('articles')
      .select(['id', 'sectionId'])
      .executeTakeFirstOrThrow()
    const section = await db
      .selectFrom('sectionTranslations')
      .select(['slug', 'name'])
      .where('sectionId', '=', article.sectionId)
      .executeTakeFirstOrThrow()
    expect(section).toEqual({ slug: 'harbour-news', name: 'Harbour News' })
    const tags = await db
      .selectFrom('articleTags')
      .innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select(['tags.slug', 'tags.name'])
      .where('articleTags.articleId', '=', article.id)
      .orderBy('articleTags.position')
      .execute()
    expect(tags.map((tag) => tag.slug)).toEqual(['weather', 'cranes', 'long-port'])
    expect(tags[1]?.name).toBe('Cranes & Quays')
    expect(tags[2]?.name).toHaveLength(TAG_NAME_LENGTH)
    expect(tags[2]?.name.endsWith('…')).toBe(true)
    expect(report.shortened).toEqual([
      { item: 'tag "long-port"', field: 'name', length: LONG_NAME.length, limit: TAG_NAME_LENGTH },
    ])
  })
})
