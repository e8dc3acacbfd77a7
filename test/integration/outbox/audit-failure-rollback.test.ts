import type { FastifyInstance } from 'fastify'
import type { Kysely, KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../../../src/db/database.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions, buildSection, nextSequence } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { newestEventId } from '../../helpers/outbox-events.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** Makes every insert into the audit log fail while `isBroken` is set, as a full disk would. */
function breakableAuditLog(): { plugin: KyselyPlugin; state: { isBroken: boolean } } {
  const state = { isBroken: false }
  return {
    state,
    plugin: {
      transformQuery(args) {
        const node = args.node
        if (state.isBroken && node.kind === 'InsertQueryNode') {
          const table = node.into?.table.identifier.name
          if (table === 'auditLog' || table === 'audit_log')
            throw new Error('the audit log cannot be written')
        }
        return node
      },
      transformResult: (args) => Promise.resolve(args.result),
    },
  }
}

describeEachDatabase('a change whose audit entry cannot be written', (store) => {
  let app: FastifyInstance
  let db: Kysely<Database>
  let editor: NewsroomClient
  const audit = breakableAuditLog()

  beforeAll(async () => {
    await buildEditions(store().db)
    db = store().db.withPlugin(audit.plugin)
    app = await createTestApp({ ...store(), db })
    editor = await signInAs(app, db, 'editor')
  })
  afterAll(() => app.close())

  /** Runs a write with the audit log broken: it must fail whole, leaving no event behind. */
  async function failingWrite(options: Parameters<NewsroomClient['request']>[0]) {
    const eventsBefore = await newestEventId(db)
    audit.state.isBroken = true
    try {
      const response = await editor.request(options)
      expect(response.statusCode, response.body).toBe(500)
    } finally {
      audit.state.isBroken = false
    }
    expect(await newestEventId(db)).toBe(eventsBefore)
  }

  it('does not create the article', async () => {
    const section = `desk-${nextSequence()}`
    await buildSection(db, { slug: section })
    const headline = `Never saved ${nextSequence()}`
    await failingWrite({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { language: 'en', headline, body: '<p>Text.</p>', section, tags: [] },
    })
    const rows = db.selectFrom('articles').select('id').where('headline', '=', headline)
    expect(await rows.execute()).toEqual([])
  })

  it('keeps the article as it was', async () => {
    const id = await buildArticle(db, { headline: 'Before the failed save', status: 'draft' })
    await failingWrite({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      payload: { headline: 'After the failed save' },
    })
    const row = await db
      .selectFrom('articles')
      .select(['headline', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ headline: 'Before the failed save', version: 1 })
    const revisions = db.selectFrom('articleRevisions').select('id').where('articleId', '=', id)
    expect(await revisions.execute()).toEqual([])
  })

  it('does not create the section', async () => {
    const slug = `never-${nextSequence()}`
    await failingWrite({
      method: 'POST',
      url: '/api/admin/sections',
      payload: { translations: { en: { name: 'Never', slug } } },
    })
    const rows = db.selectFrom('sectionTranslations').select('sectionId').where('slug', '=', slug)
    expect(await rows.execute()).toEqual([])
  })

  it('keeps the section as it was and creates no page', async () => {
    const sectionId = await buildSection(db)
    await failingWrite({
      method: 'PATCH',
      url: `/api/admin/sections/${sectionId}`,
      payload: { position: 99 },
    })
    const section = await db
      .selectFrom('sections')
      .select('position')
      .where('id', '=', sectionId)
      .executeTakeFirstOrThrow()
    expect(section.position).not.toBe(99)

    const title = `Never a page ${nextSequence()}`
    await failingWrite({
      method: 'POST',
      url: '/api/admin/pages',
      payload: {
        language: 'en',
        slug: `never-${nextSequence()}`,
        title,
        body: '<p>Text.</p>',
        status: 'draft',
      },
    })
    expect(await db.selectFrom('pages').select('id').where('title', '=', title).execute()).toEqual(
      [],
    )
  })
})
