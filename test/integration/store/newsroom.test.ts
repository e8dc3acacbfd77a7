import { expect, it } from 'vitest'
import {
  dayOf,
  listMostRead,
  recordPageViews,
} from '../../../src/modules/analytics/page-view-queries.js'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { listAuditEntries, recordAudit } from '../../../src/modules/audit/audit-queries.js'
import {
  createContactMessage,
  listContactMessages,
  markContactMessageRead,
} from '../../../src/modules/contact/contact-queries.js'
import { createGallery, findGalleriesByIds } from '../../../src/modules/media/gallery-queries.js'
import { createMediaItem, findMediaByIds } from '../../../src/modules/media/media-queries.js'
import {
  createPage,
  findPublishedPage,
  listFooterPages,
} from '../../../src/modules/pages/page-queries.js'
import { findRedirect, saveRedirect } from '../../../src/modules/redirects/redirect-queries.js'
import {
  getSiteSettings,
  updateSiteSettings,
} from '../../../src/modules/settings/settings-queries.js'
import {
  countUsers,
  createUser,
  findUserCredentials,
  findUsersByIds,
  setPasswordHash,
} from '../../../src/modules/users/user-queries.js'
import {
  buildArticle,
  buildEditions,
  buildSection,
  hoursAgo,
  TEST_NOW,
} from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('newsroom queries', (store) => {
  it('serves published pages by slug and lists the footer ones in order', async () => {
    const { db } = store()
    await buildEditions(db)
    const body = { type: 'doc' as const, content: [paragraph('Who we are.')] }
    await createPage(
      db,
      {
        language: 'ar',
        slug: 'من-نحن',
        title: 'من نحن',
        bodyDoc: body,
        status: 'published',
        isInFooter: true,
        position: 1,
      },
      TEST_NOW,
    )
    await createPage(
      db,
      {
        language: 'ar',
        slug: 'اتصل-بنا',
        title: 'اتصل بنا',
        bodyDoc: body,
        status: 'published',
        isInFooter: true,
        position: 2,
      },
      TEST_NOW,
    )
    await createPage(
      db,
      {
        language: 'ar',
        slug: 'مسودة',
        title: 'مسودة',
        bodyDoc: body,
        status: 'draft',
        isInFooter: true,
      },
      TEST_NOW,
    )
    expect((await findPublishedPage(db, 'ar', 'من-نحن'))?.bodyHtml).toBe('<p>Who we are.</p>')
    expect(await findPublishedPage(db, 'ar', 'مسودة')).toBeUndefined()
    expect((await listFooterPages(db, 'ar')).map((page) => page.title)).toEqual([
      'من نحن',
      'اتصل بنا',
    ])
  })

  it('stores media and galleries with per-gallery captions in order', async () => {
    const { db } = store()
    const image = (name: string) =>
      createMediaItem(
        db,
        {
          storageKey: `${name}.jpg`,
          originalFilename: name,
          mimeType: 'image/jpeg',
          sizeBytes: 1000,
          width: 1600,
          height: 900,
          alt: { en: name },
          caption: {},
          credit: 'Staff',
        },
        TEST_NOW,
      )
    const [first, second] = [await image('first'), await image('second')]
    const galleryId = await createGallery(
      db,
      {
        title: { en: 'Harbour', ar: 'الميناء' },
        items: [{ mediaId: second, caption: { ar: 'الصباح' } }, { mediaId: first }],
      },
      TEST_NOW,
    )
    const gallery = (await findGalleriesByIds(db, [galleryId])).get(galleryId)
    expect(gallery?.title).toEqual({ en: 'Harbour', ar: 'الميناء' })
    expect(gallery?.items.map((item) => [item.mediaId, item.caption])).toEqual([
      [second, { ar: 'الصباح' }],
      [first, null],
    ])
    expect((await findMediaByIds(db, [first])).get(first)).toMatchObject({
      width: 1600,
      focalX: 0.5,
      credit: 'Staff',
    })
  })

  it('adds redirects and repoints an existing one', async () => {
    const { db } = store()
    await saveRedirect(
      db,
      { fromPath: '/2019/05/old-post/', toPath: '/en/news/1-old', statusCode: 301 },
      TEST_NOW,
    )
    await saveRedirect(
      db,
      { fromPath: '/2019/05/old-post/', toPath: '/en/news/1-new', statusCode: 301 },
      TEST_NOW,
    )
    expect(await findRedirect(db, '/2019/05/old-post/')).toEqual({
      fromPath: '/2019/05/old-post/',
      toPath: '/en/news/1-new',
      statusCode: 301,
    })
    expect(await findRedirect(db, '/nowhere')).toBeUndefined()
  })

  it('keeps settings over their defaults and refuses invalid ones without changing anything', async () => {
    const { db } = store()
    expect((await getSiteSettings(db)).timeZone).toBe('UTC')
    const saved = await updateSiteSettings(
      db,
      { timeZone: 'Asia/Riyadh', siteName: { en: 'The Daily', ar: 'اليومية' } },
      TEST_NOW,
    )
    expect(saved).toMatchObject({
      timeZone: 'Asia/Riyadh',
      siteName: { ar: 'اليومية' },
      digitsStyle: 'latn',
    })
    await expect(
      updateSiteSettings(db, { timeZone: 'Mars/Olympus', digitsStyle: 'arab' }, TEST_NOW),
    ).rejects.toThrow()
    expect(await getSiteSettings(db)).toMatchObject({
      timeZone: 'Asia/Riyadh',
      digitsStyle: 'latn',
    })
  })

  it('stores users with case-insensitive email and never returns the hash with the profile', async () => {
    const { db } = store()
    const before = await countUsers(db)
    const id = await createUser(
      db,
      { email: ' Editor@Example.org ', name: 'Editor', role: 'editor', passwordHash: 'hash-1' },
      TEST_NOW,
    )
    expect(await countUsers(db)).toBe(before + 1)
    expect(await findUserCredentials(db, { email: 'EDITOR@example.org' })).toMatchObject({
      id,
      role: 'editor',
      passwordHash: 'hash-1',
      isDisabled: false,
    })
    await setPasswordHash(db, id, 'hash-2', TEST_NOW)
    expect((await findUserCredentials(db, { email: 'editor@example.org' }))?.passwordHash).toBe(
      'hash-2',
    )
    const profile = (await findUsersByIds(db, [id])).get(id)
    expect(profile).toMatchObject({ email: 'editor@example.org', name: 'Editor' })
    expect(profile).not.toHaveProperty('passwordHash')
    await expect(
      createUser(
        db,
        { email: 'editor@example.org', name: 'Again', role: 'admin', passwordHash: 'x' },
        TEST_NOW,
      ),
    ).rejects.toThrow()
  })

  it('counts page views per day and ranks the most read over a window', async () => {
    const { db } = store()
    await buildEditions(db)
    const popular = await buildArticle(db, { language: 'ar' })
    const steady = await buildArticle(db, { language: 'ar' })
    const old = await buildArticle(db, { language: 'ar' })
    const today = dayOf(TEST_NOW)
    const lastWeek = dayOf(new Date(hoursAgo(24 * 7)))
    await Promise.all(
      Array.from({ length: 5 }, () => recordPageViews(db, { articleId: popular, day: today })),
    )
    await recordPageViews(db, { articleId: steady, day: today, views: 3 })
    await recordPageViews(db, { articleId: old, day: lastWeek, views: 50 })
    const mostRead = await listMostRead(
      db,
      { language: 'ar', sinceDay: dayOf(new Date(hoursAgo(24))), limit: 10 },
      TEST_NOW,
    )
    expect(mostRead.map((item) => [item.id, item.views])).toEqual([
      [popular, 5],
      [steady, 3],
    ])
  })

  it('finds an edition’s most read below many more-read stories of the other edition', async () => {
    const { db } = store()
    await buildEditions(db)
    const sectionId = await buildSection(db)
    const day = dayOf(TEST_NOW)
    const sinceDay = dayOf(new Date(hoursAgo(24)))
    const before = await listMostRead(db, { language: 'ar', sinceDay, limit: 2 }, TEST_NOW)
    for (let index = 0; index < 30; index++) {
      const english = await buildArticle(db, { language: 'en', sectionId })
      await recordPageViews(db, { articleId: english, day, views: 1000 + index })
    }
    const arabic = await buildArticle(db, { language: 'ar', sectionId })
    await recordPageViews(db, { articleId: arabic, day, views: 900 })
    const upcoming = await buildArticle(db, {
      language: 'ar',
      sectionId,
      publishedAt: hoursAgo(-2),
    })
    await recordPageViews(db, { articleId: upcoming, day, views: 950 })
    const mostRead = await listMostRead(db, { language: 'ar', sinceDay, limit: 2 }, TEST_NOW)
    expect(mostRead.map((item) => [item.id, item.views])).toEqual([
      [arabic, 900],
      ...before.slice(0, 1).map((item) => [item.id, item.views]),
    ])
  })

  it('keeps contact messages in an inbox with unread filtering', async () => {
    const { db } = store()
    const first = await createContactMessage(
      db,
      {
        language: 'en',
        name: 'A Reader',
        email: 'reader@example.org',
        subject: 'Typo',
        message: 'Paragraph two.',
      },
      TEST_NOW,
    )
    await createContactMessage(
      db,
      { language: 'ar', name: 'قارئ', email: 'qari@example.org', subject: 'سؤال', message: 'متى؟' },
      new Date(TEST_NOW.getTime() + 1000),
    )
    await markContactMessageRead(db, first, TEST_NOW)
    expect((await listContactMessages(db, {})).items.map((message) => message.subject)).toEqual([
      'سؤال',
      'Typo',
    ])
    expect(
      (await listContactMessages(db, { isUnreadOnly: true })).items.map(
        (message) => message.subject,
      ),
    ).toEqual(['سؤال'])
  })

  it('appends to the audit log and filters it by record', async () => {
    const { db } = store()
    await recordAudit(
      db,
      {
        actorType: 'user',
        actorId: 1,
        action: 'article.publish',
        entityType: 'article',
        entityId: '42',
        details: { from: 'draft' },
      },
      TEST_NOW,
    )
    await recordAudit(
      db,
      {
        actorType: 'system',
        actorId: null,
        action: 'settings.update',
        entityType: 'settings',
        entityId: null,
      },
      TEST_NOW,
    )
    const entries = await listAuditEntries(db, { entityType: 'article', entityId: '42', limit: 10 })
    expect(entries).toEqual([
      expect.objectContaining({ action: 'article.publish', details: { from: 'draft' } }),
    ])
  })
})
