import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { verifyPassword } from '../../../src/modules/users/password.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { runWordPressImport } from '../../helpers/wordpress-import-harness.js'

const folder = mkdtempSync(join(tmpdir(), 'masthead-wxr-batch-'))

interface Post {
  id: number
  guid: string
  title: string
  link: string
  type?: 'post' | 'page'
  password?: string
}

function wxr(name: string, site: string, posts: Post[]): string {
  const items = posts.map(
    (post) => `<item>
<title>${post.title}</title>
<link>${post.link}</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">${post.guid}</guid>
<content:encoded><![CDATA[<p>Body of ${post.title}.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${post.id}</wp:post_id>
<wp:post_date_gmt>2024-01-0${(post.id % 9) + 1} 10:00:00</wp:post_date_gmt>
<wp:post_name>${post.title.toLowerCase().replace(/[^a-z]+/g, '-')}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_type>${post.type ?? 'post'}</wp:post_type>
<wp:post_password>${post.password ?? ''}</wp:post_password>
</item>`,
  )
  const path = join(folder, name)
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Batch</title><link>${site}</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>${site}</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_email><![CDATA[Editor@A.example]]></wp:author_email><wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
<wp:author><wp:author_login><![CDATA[ghost]]></wp:author_login><wp:author_display_name><![CDATA[No Address]]></wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>
`,
  )
  return path
}

// One batch (one transaction) holds all of these: the shared permalink goes to the later post,
// and the second item with post 1's id (an edited file) must not overwrite the first.
const FIRST = wxr('first.xml', 'https://a.example', [
  { id: 1, guid: 'a-1', title: 'First', link: 'https://a.example/2024/01/01/first/' },
  { id: 2, guid: 'a-2', title: 'Second', link: 'https://a.example/2024/01/01/first/' },
  { id: 1, guid: 'a-1', title: 'First corrected', link: 'https://a.example/2024/01/01/one/' },
  { id: 2, guid: 'a-2b', title: 'Not second', link: 'https://a.example/not/', type: 'page' },
  { id: 3, guid: 'a-3', title: 'Locked', link: 'https://a.example/locked/', password: 'secret' },
  { id: 4, guid: 'a-4', title: 'About', link: 'https://a.example/about/', type: 'page' },
])
// The site moved: post 2 has another id under the new address, and is found by its guid.
const MOVED = wxr('moved.xml', 'https://b.example', [
  { id: 200, guid: 'a-2', title: 'Second moved', link: 'https://b.example/second-moved/' },
])

describeEachDatabase('WordPress import batches', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-wxr-batch-data-'))

  const articles = () =>
    store()
      .db.selectFrom('articles')
      .select(['id', 'headline', 'status', 'publishedAt'])
      .orderBy('id')
      .execute()

  it('keeps the first of two items sharing an id, reports the other naming both, and imports every post whole', async () => {
    const { db } = store()
    const report = await runWordPressImport(db, { path: FIRST, dataDir })
    expect(report.failed).toEqual([
      {
        item: 'post 1 "First corrected"',
        reason: 'shares its id with post 1 "First"; kept the first',
      },
      { item: 'page 2 "Not second"', reason: 'shares its id with post 2 "Second"; kept the first' },
    ])
    expect(report.imported).toMatchObject({ articles: 3, pages: 1 })
    expect(report.updated).toEqual({})
    expect(report.passwordProtected).toBe(1)
    const rows = await articles()
    expect(rows.map((row) => row.headline)).toEqual(['First', 'Second', 'Locked'])
    const locked = rows.find((row) => row.headline === 'Locked')
    expect(locked).toMatchObject({ status: 'draft', publishedAt: null })
    const records = await db
      .selectFrom('importRecords')
      .select(['externalId', 'entityId'])
      .where('kind', '=', 'article')
      .orderBy('externalId')
      .execute()
    expect(records.map((record) => record.externalId)).toEqual([
      'https://a.example#1',
      'https://a.example#2',
      'https://a.example#3',
    ])
    expect(records.map((record) => record.entityId)).toEqual(rows.map((row) => row.id))
    const indexed = await db.selectFrom('searchDocuments').select('articleId').execute()
    expect(indexed.map((row) => row.articleId).sort()).toEqual(rows.map((row) => row.id).sort())
    const shared = await db
      .selectFrom('redirects')
      .select('toPath')
      .where('fromPath', '=', '/2024/01/01/first/')
      .executeTakeFirstOrThrow()
    const second = rows.find((row) => row.headline === 'Second')
    expect(shared.toPath).toContain(`/${second?.id}-second`)
    const leftOut = await db
      .selectFrom('redirects')
      .select('toPath')
      .where('fromPath', 'in', ['/2024/01/01/one/', '/not/'])
      .execute()
    expect(leftOut).toEqual([])
    expect(await db.selectFrom('pages').select('title').execute()).toEqual([{ title: 'About' }])
    const lockedRedirects = await db
      .selectFrom('redirects')
      .select('toPath')
      .where('fromPath', 'like', '/locked%')
      .execute()
    expect(lockedRedirects).toEqual([])
  })

  it('updates by guid when the site moved, and updates everything on a second run', async () => {
    const { db } = store()
    const before = await articles()
    const moved = await runWordPressImport(db, { path: MOVED, dataDir })
    expect(moved.failed).toEqual([])
    expect(moved.imported).toEqual({})
    expect(moved.updated).toMatchObject({ articles: 1 })
    const after = await articles()
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id))
    expect(after.map((row) => row.headline)).toEqual(['First', 'Second moved', 'Locked'])
    const again = await runWordPressImport(db, { path: FIRST, dataDir })
    expect(again.imported).toEqual({})
    expect(again.updated).toMatchObject({ articles: 3, pages: 1 })
    expect(again.failed).toHaveLength(2)
    expect(again.passwordProtected).toBe(1)
    expect((await articles()).map((row) => row.id)).toEqual(before.map((row) => row.id))
    const locked = (await articles()).find((row) => row.headline === 'Locked')
    expect(locked).toMatchObject({ status: 'draft', publishedAt: null })
    const indexed = await db.selectFrom('searchDocuments').select('articleId').execute()
    expect(indexed).toHaveLength(3)
  })

  it('makes contributor accounts without a usable password for the authors with --users', async () => {
    const { db } = store()
    const report = await runWordPressImport(db, { path: MOVED, dataDir, withUsers: true })
    expect(report.imported).toEqual({ users: 1 })
    expect(report.skipped).toMatchObject({ 'users without an email address': 1 })
    const users = await db.selectFrom('users').selectAll().execute()
    expect(users).toHaveLength(1)
    expect(users[0]).toMatchObject({
      email: 'editor@a.example',
      name: 'The Editor',
      role: 'contributor',
    })
    // No password signs in: the person sets one through a reset.
    for (const guess of ['', 'editor', 'The Editor', 'editor@a.example'])
      expect(await verifyPassword(users[0]?.passwordHash ?? '', guess)).toBe(false)
    const author = await db
      .selectFrom('authors')
      .select('userId')
      .where('slug', '=', 'editor')
      .executeTakeFirstOrThrow()
    expect(author.userId).toBe(users[0]?.id)
    const again = await runWordPressImport(db, { path: MOVED, dataDir, withUsers: true })
    expect(again.imported).toEqual({})
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1)
  })
})
