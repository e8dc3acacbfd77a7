import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../../../src/db/database.js'
import { totpCode } from '../../../src/modules/access/totp.js'
import { createContactMessage } from '../../../src/modules/contact/contact-queries.js'
import type { MailMessage } from '../../../src/platform/mail/mailer.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import {
  buildArticle,
  buildAuthor,
  buildEditions,
  buildSection,
  buildSource,
  nextSequence,
  TEST_NOW,
} from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import {
  buildUser,
  signInAs,
  TEST_PASSWORD,
  type NewsroomClient,
} from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Response = LightMyRequestResponse
type Payload = InjectOptions['payload']

/** One request to the Admin API; the write a case checks is a `Call`. */
type Request = Pick<InjectOptions, 'headers' | 'payload'> & {
  method: WriteMethod | 'GET'
  url: string
}
type Call = Request & { method: WriteMethod }

const call =
  (method: WriteMethod) =>
  (url: string, payload?: Payload): Call =>
    payload === undefined ? { method, url } : { method, url, payload }
const post = call('POST')
const put = call('PUT')
const patch = call('PATCH')
const del = call('DELETE')

/** What a case has to hand: the app, its store, the admin signed in for it and the mail sent. */
interface Kit {
  app: FastifyInstance
  db: Kysely<Database>
  admin: NewsroomClient
  mail: MailMessage[]
  /** A new folder under the data folder's `wires/` holding one agency RSS file; its name. */
  wireFolder: () => string
}

/** The write to check, and the outbox events it must leave (read from its answer when new). */
interface Prepared {
  call: Call
  events: readonly string[] | ((response: Response) => string[])
}

interface WriteCase<P> {
  /** Who writes: the admin signed in for this case, or nobody (sign-in, password reset). */
  as: 'admin' | 'anonymous'
  status: number
  /** Sets up what the write needs (factories, earlier API calls) and names the write. */
  prepare: (kit: Kit) => P | Promise<P>
}

/** A write and the one audit entry it leaves. */
type AuditedWrite = WriteCase<Prepared> & { audit: string }

/** An outbox event as `entity.action id`. */
const event = (name: string, id: number | string) => `${name} ${id}`
const idOf = (response: Response) => response.json<{ id: number }>().id
/** The one event of a write that creates a record, whose id is in the answer. */
const createdEvent = (name: string) => (response: Response) => [event(name, idOf(response))]

/** An earlier call a case makes to set up its write; it must succeed. */
async function apiCall(client: NewsroomClient, request: Request): Promise<Response> {
  const response = await client.request(request)
  if (response.statusCode >= 300) {
    throw new Error(`${request.method} ${request.url}: ${response.statusCode} ${response.body}`)
  }
  return response
}

const createdId = async (client: NewsroomClient, request: Call) =>
  idOf(await apiCall(client, request))

const BOUNDARY = '----masthead-write-audit-boundary'

/** An upload of a small PNG as the newsroom app sends it. */
async function imageUpload(): Promise<Call> {
  const head =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="harbour.png"\r\n` +
    'Content-Type: image/png\r\n\r\n'
  return {
    method: 'POST',
    url: '/api/admin/media',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([
      Buffer.from(head),
      await makeImage('png'),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  }
}

const newArticle = async (db: Kysely<Database>) => ({
  language: 'en',
  headline: `Ferry timetable ${nextSequence()}`,
  section: await buildSection(db),
  body: '<p>Boats leave every hour.</p>',
})
const pagePayload = () => ({
  language: 'en',
  slug: `standards-${nextSequence()}`,
  title: 'Our standards',
  body: '<p>We correct our mistakes.</p>',
  status: 'draft',
})
const newFeed = async ({ db, wireFolder }: Pick<Kit, 'db' | 'wireFolder'>) => ({
  sourceId: await buildSource(db),
  name: 'Harbour Wire',
  folder: wireFolder(),
  format: 'rss',
  language: 'en',
})
const inReview = { status: 'in_review', publishedAt: null } as const

const createDraft = async ({ db, admin }: Kit) =>
  createdId(admin, post('/api/admin/articles', await newArticle(db)))
const createLiveStory = async ({ db, admin }: Kit) =>
  createdId(admin, post('/api/admin/articles', { ...(await newArticle(db)), type: 'live' }))
const postEntry = async (kit: Kit, articleId: number) =>
  createdId(kit.admin, post(`/api/admin/articles/${articleId}/entries`, { body: '<p>Update</p>' }))
const createTag = ({ admin }: Kit) =>
  createdId(admin, post('/api/admin/tags', { language: 'en', name: `Port ${nextSequence()}` }))
const createPage = ({ admin }: Kit) => createdId(admin, post('/api/admin/pages', pagePayload()))
const createFeed = async (kit: Kit) =>
  createdId(kit.admin, post('/api/admin/wires/feeds', await newFeed(kit)))
const uploadMedia = async ({ admin }: Kit) => createdId(admin, await imageUpload())
const createGallery = async (kit: Kit) =>
  createdId(
    kit.admin,
    post('/api/admin/galleries', {
      title: { en: 'The harbour at dawn' },
      items: [{ mediaId: await uploadMedia(kit) }],
    }),
  )
const pollFeed = (id: number) => post(`/api/admin/wires/feeds/${id}/poll`)

/** Starts two-factor enrolment for the admin and answers a right code for the offered secret. */
async function twoFactorCode({ admin }: Kit): Promise<string> {
  const response = await apiCall(admin, post('/api/admin/account/two-factor'))
  return totpCode(response.json<{ secret: string }>().secret, TEST_NOW)
}

/** The token of the newest password reset link mailed out. */
const resetTokenOf = (mail: MailMessage[]) => /#token=([\w-]+)/.exec(mail.at(-1)?.text ?? '')?.[1]

const buildContactMessage = (db: Kysely<Database>) =>
  createContactMessage(
    db,
    {
      language: 'en',
      name: 'A reader',
      email: 'reader@example.com',
      subject: 'Ferry times',
      message: 'The timetable on your site is out of date.',
    },
    TEST_NOW,
  )

/**
 * Every Admin API write but the unaudited ones below, with the one audit entry it must leave and
 * its outbox events (content entities only). The names are those the services write today, or
 * the change recorder's `${entity}.${action}` where a route still records through it.
 */
const AUDITED_WRITES: Record<string, AuditedWrite> = {
  'POST /api/admin/session': {
    as: 'anonymous',
    status: 200,
    audit: 'session.create',
    prepare: async ({ db }) => {
      const { email } = await buildUser(db, 'editor')
      return { call: post('/api/admin/session', { email, password: TEST_PASSWORD }), events: [] }
    },
  },
  'DELETE /api/admin/session': {
    as: 'admin',
    status: 204,
    audit: 'session.delete',
    prepare: () => ({ call: del('/api/admin/session'), events: [] }),
  },
  'PATCH /api/admin/account': {
    as: 'admin',
    status: 200,
    audit: 'user.update_profile',
    prepare: () => ({ call: patch('/api/admin/account', { name: 'Night Editor' }), events: [] }),
  },
  'POST /api/admin/account/password': {
    as: 'admin',
    status: 204,
    audit: 'user.change_password',
    prepare: () => ({
      call: post('/api/admin/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a brand new long password',
      }),
      events: [],
    }),
  },
  'POST /api/admin/account/two-factor': {
    as: 'admin',
    status: 200,
    audit: 'user.begin_two_factor',
    prepare: () => ({ call: post('/api/admin/account/two-factor'), events: [] }),
  },
  'POST /api/admin/account/two-factor/confirm': {
    as: 'admin',
    status: 204,
    audit: 'user.enable_two_factor',
    prepare: async (kit) => ({
      call: post('/api/admin/account/two-factor/confirm', { code: await twoFactorCode(kit) }),
      events: [],
    }),
  },
  'DELETE /api/admin/account/two-factor': {
    as: 'admin',
    status: 204,
    audit: 'user.disable_two_factor',
    prepare: async (kit) => {
      const code = await twoFactorCode(kit)
      await apiCall(kit.admin, post('/api/admin/account/two-factor/confirm', { code }))
      return { call: del('/api/admin/account/two-factor', { password: TEST_PASSWORD }), events: [] }
    },
  },
  'POST /api/admin/password-resets': {
    as: 'anonymous',
    status: 202,
    audit: 'user.request_password_reset',
    prepare: async ({ db }) => {
      const { email } = await buildUser(db, 'author')
      return { call: post('/api/admin/password-resets', { email }), events: [] }
    },
  },
  'POST /api/admin/password-resets/complete': {
    as: 'anonymous',
    status: 204,
    audit: 'user.reset_password',
    prepare: async ({ app, db, mail }) => {
      const { email } = await buildUser(db, 'author')
      await app.inject(post('/api/admin/password-resets', { email }))
      const token = resetTokenOf(mail)
      const newPassword = 'a reset-proof new password'
      return {
        call: post('/api/admin/password-resets/complete', { token, newPassword }),
        events: [],
      }
    },
  },
  'POST /api/admin/tokens': {
    as: 'admin',
    status: 201,
    audit: 'token.create',
    prepare: () => ({
      call: post('/api/admin/tokens', { name: 'Newsletter', scopes: ['read'] }),
      events: [],
    }),
  },
  'DELETE /api/admin/tokens/{id}': {
    as: 'admin',
    status: 204,
    audit: 'token.revoke',
    prepare: async ({ admin }) => {
      const token = { name: 'Old integration', scopes: ['read'] }
      const id = await createdId(admin, post('/api/admin/tokens', token))
      return { call: del(`/api/admin/tokens/${id}`), events: [] }
    },
  },
  'POST /api/admin/users': {
    as: 'admin',
    status: 201,
    audit: 'user.create',
    prepare: () => ({
      call: post('/api/admin/users', {
        email: `desk-${nextSequence()}@newsroom.example`,
        name: 'Desk',
        role: 'editor',
        password: TEST_PASSWORD,
      }),
      events: [],
    }),
  },
  'PATCH /api/admin/users/{id}': {
    as: 'admin',
    status: 200,
    audit: 'user.update',
    prepare: async ({ db }) => {
      const { id } = await buildUser(db, 'author')
      return { call: patch(`/api/admin/users/${id}`, { name: 'Harbour Desk' }), events: [] }
    },
  },
  'POST /api/admin/articles': {
    as: 'admin',
    status: 201,
    audit: 'article.create',
    prepare: async ({ db }) => ({
      call: post('/api/admin/articles', await newArticle(db)),
      events: createdEvent('article.created'),
    }),
  },
  // One id, so one article's change: one entry, as for the same change made alone.
  'POST /api/admin/articles/bulk': {
    as: 'admin',
    status: 200,
    audit: 'article.publish',
    prepare: async ({ db }) => {
      const id = await buildArticle(db, inReview)
      return {
        call: post('/api/admin/articles/bulk', { action: 'publish', ids: [id] }),
        events: [event('article.published', id)],
      }
    },
  },
  'PATCH /api/admin/articles/{id}': {
    as: 'admin',
    status: 200,
    audit: 'article.update',
    prepare: async ({ db }) => {
      const id = await buildArticle(db)
      return {
        call: patch(`/api/admin/articles/${id}`, { dek: 'Boats run again.' }),
        events: [event('article.updated', id)],
      }
    },
  },
  'DELETE /api/admin/articles/{id}': {
    as: 'admin',
    status: 204,
    audit: 'article.delete',
    prepare: async ({ db }) => {
      const id = await buildArticle(db)
      return { call: del(`/api/admin/articles/${id}`), events: [event('article.deleted', id)] }
    },
  },
  'POST /api/admin/articles/{id}/transitions': {
    as: 'admin',
    status: 200,
    audit: 'article.publish',
    prepare: async ({ db }) => {
      const id = await buildArticle(db, inReview)
      return {
        call: post(`/api/admin/articles/${id}/transitions`, { action: 'publish' }),
        events: [event('article.published', id)],
      }
    },
  },
  'POST /api/admin/articles/{id}/revisions/{number}/restore': {
    as: 'admin',
    status: 200,
    audit: 'article.restore',
    prepare: async (kit) => {
      const id = await createDraft(kit)
      await apiCall(kit.admin, patch(`/api/admin/articles/${id}`, { headline: 'Taken back' }))
      return {
        call: post(`/api/admin/articles/${id}/revisions/1/restore`),
        events: [event('article.updated', id)],
      }
    },
  },
  'POST /api/admin/articles/{id}/entries': {
    as: 'admin',
    status: 201,
    audit: 'live_entry.created',
    prepare: async (kit) => ({
      call: post(`/api/admin/articles/${await createLiveStory(kit)}/entries`, {
        body: '<p>The first update.</p>',
      }),
      events: createdEvent('live_entry.created'),
    }),
  },
  'PATCH /api/admin/articles/{id}/entries/{entryId}': {
    as: 'admin',
    status: 200,
    audit: 'live_entry.updated',
    prepare: async (kit) => {
      const storyId = await createLiveStory(kit)
      const entryId = await postEntry(kit, storyId)
      return {
        call: patch(`/api/admin/articles/${storyId}/entries/${entryId}`, { isKeyEvent: true }),
        events: [event('live_entry.updated', entryId)],
      }
    },
  },
  'DELETE /api/admin/articles/{id}/entries/{entryId}': {
    as: 'admin',
    status: 204,
    audit: 'live_entry.deleted',
    prepare: async (kit) => {
      const storyId = await createLiveStory(kit)
      const entryId = await postEntry(kit, storyId)
      return {
        call: del(`/api/admin/articles/${storyId}/entries/${entryId}`),
        events: [event('live_entry.deleted', entryId)],
      }
    },
  },
  // Not audited today. A preview link shows a draft to someone outside the newsroom, so who
  // handed one out belongs in the log; the action name is a proposal.
  'POST /api/admin/articles/{id}/preview-link': {
    as: 'admin',
    status: 201,
    audit: 'article.issue_preview_link',
    prepare: async ({ db }) => {
      const id = await buildArticle(db, { status: 'draft', publishedAt: null })
      return { call: post(`/api/admin/articles/${id}/preview-link`), events: [] }
    },
  },
  'POST /api/admin/articles/{id}/notices': {
    as: 'admin',
    status: 201,
    audit: 'article.update',
    prepare: async ({ db }) => {
      const id = await buildArticle(db)
      const notice = { kind: 'correction', text: 'An earlier version gave the wrong date.' }
      return {
        call: post(`/api/admin/articles/${id}/notices`, notice),
        events: [event('article.updated', id)],
      }
    },
  },
  'POST /api/admin/articles/{id}/translations': {
    as: 'admin',
    status: 201,
    audit: 'article.create',
    prepare: async ({ db }) => ({
      call: post(`/api/admin/articles/${await buildArticle(db)}/translations`, { language: 'ar' }),
      events: createdEvent('article.created'),
    }),
  },
  'PUT /api/admin/articles/{id}/translations/{otherId}': {
    as: 'admin',
    status: 204,
    audit: 'article.link_translation',
    prepare: async ({ db }) => {
      const sectionId = await buildSection(db)
      const id = await buildArticle(db, { sectionId })
      const otherId = await buildArticle(db, { sectionId, language: 'ar' })
      return {
        call: put(`/api/admin/articles/${id}/translations/${otherId}`),
        events: [event('article.updated', id), event('article.updated', otherId)],
      }
    },
  },
  'POST /api/admin/sections': {
    as: 'admin',
    status: 201,
    audit: 'section.created',
    prepare: () => ({
      call: post('/api/admin/sections', {
        translations: { en: { name: 'Harbour', slug: `harbour-${nextSequence()}` } },
      }),
      events: createdEvent('section.created'),
    }),
  },
  'PUT /api/admin/sections/order': {
    as: 'admin',
    status: 200,
    audit: 'section.arranged',
    prepare: async ({ db, admin }) => {
      const parent = await buildSection(db)
      const moved = await buildSection(db)
      const listed = await apiCall(admin, { method: 'GET', url: '/api/admin/sections' })
      const places = listed
        .json<{ items: { id: number; parentId: number | null }[] }>()
        .items.filter((section) => section.id !== moved)
        .map(({ id, parentId }) => ({ id, parentId }))
      const order = (parentId: number | null) =>
        put('/api/admin/sections/order', { items: [...places, { id: moved, parentId }] })
      // Numbers every section as listed, `moved` last at the top, so that moving it under
      // `parent` changes its place alone.
      await apiCall(admin, order(null))
      return { call: order(parent), events: [event('section.updated', moved)] }
    },
  },
  'PATCH /api/admin/sections/{id}': {
    as: 'admin',
    status: 200,
    audit: 'section.updated',
    prepare: async ({ db }) => {
      const id = await buildSection(db)
      return {
        call: patch(`/api/admin/sections/${id}`, { position: 3 }),
        events: [event('section.updated', id)],
      }
    },
  },
  'POST /api/admin/tags': {
    as: 'admin',
    status: 201,
    audit: 'tag.created',
    prepare: () => ({
      call: post('/api/admin/tags', { language: 'en', name: `Ferries ${nextSequence()}` }),
      events: createdEvent('tag.created'),
    }),
  },
  'PATCH /api/admin/tags/{id}': {
    as: 'admin',
    status: 200,
    audit: 'tag.updated',
    prepare: async (kit) => {
      const id = await createTag(kit)
      return {
        call: patch(`/api/admin/tags/${id}`, { description: 'Boats and quays' }),
        events: [event('tag.updated', id)],
      }
    },
  },
  'DELETE /api/admin/tags/{id}': {
    as: 'admin',
    status: 204,
    audit: 'tag.deleted',
    prepare: async (kit) => {
      const id = await createTag(kit)
      return { call: del(`/api/admin/tags/${id}`), events: [event('tag.deleted', id)] }
    },
  },
  'POST /api/admin/tags/{id}/merge': {
    as: 'admin',
    status: 200,
    audit: 'tag.merged',
    prepare: async (kit) => {
      const [merged, kept] = [await createTag(kit), await createTag(kit)]
      return {
        call: post(`/api/admin/tags/${merged}/merge`, { into: kept }),
        events: [event('tag.deleted', merged), event('tag.updated', kept)],
      }
    },
  },
  'POST /api/admin/authors': {
    as: 'admin',
    status: 201,
    audit: 'author.created',
    prepare: () => ({
      call: post('/api/admin/authors', {
        slug: `lina-park-${nextSequence()}`,
        name: { en: 'Lina Park' },
      }),
      events: createdEvent('author.created'),
    }),
  },
  'PATCH /api/admin/authors/{id}': {
    as: 'admin',
    status: 200,
    audit: 'author.updated',
    prepare: async ({ db }) => {
      const id = await buildAuthor(db)
      return {
        call: patch(`/api/admin/authors/${id}`, { bio: { en: 'Covers the port.' } }),
        events: [event('author.updated', id)],
      }
    },
  },
  'POST /api/admin/sources': {
    as: 'admin',
    status: 201,
    audit: 'source.created',
    prepare: () => ({
      call: post('/api/admin/sources', {
        slug: `harbour-wire-${nextSequence()}`,
        name: { en: 'Harbour Wire' },
      }),
      events: createdEvent('source.created'),
    }),
  },
  'PATCH /api/admin/sources/{id}': {
    as: 'admin',
    status: 200,
    audit: 'source.updated',
    prepare: async ({ db }) => {
      const id = await buildSource(db)
      return {
        call: patch(`/api/admin/sources/${id}`, { url: 'https://wire.example' }),
        events: [event('source.updated', id)],
      }
    },
  },
  'POST /api/admin/pages': {
    as: 'admin',
    status: 201,
    audit: 'page.created',
    prepare: () => ({
      call: post('/api/admin/pages', pagePayload()),
      events: createdEvent('page.created'),
    }),
  },
  'PATCH /api/admin/pages/{id}': {
    as: 'admin',
    status: 200,
    audit: 'page.updated',
    prepare: async (kit) => {
      const id = await createPage(kit)
      return {
        call: patch(`/api/admin/pages/${id}`, { title: 'Standards' }),
        events: [event('page.updated', id)],
      }
    },
  },
  'DELETE /api/admin/pages/{id}': {
    as: 'admin',
    status: 204,
    audit: 'page.deleted',
    prepare: async (kit) => {
      const id = await createPage(kit)
      return { call: del(`/api/admin/pages/${id}`), events: [event('page.deleted', id)] }
    },
  },
  'PATCH /api/admin/settings': {
    as: 'admin',
    status: 200,
    audit: 'settings.updated',
    prepare: () => ({
      call: patch('/api/admin/settings', {
        siteName: { en: 'The Harbour Times', ar: 'صحيفة الميناء' },
      }),
      events: [event('settings.updated', 0)],
    }),
  },
  'POST /api/admin/redirects': {
    as: 'admin',
    status: 201,
    audit: 'redirect.created',
    prepare: () => {
      const n = nextSequence()
      return {
        call: post('/api/admin/redirects', { fromPath: `/a-${n}`, toPath: `/b-${n}` }),
        events: [],
      }
    },
  },
  'DELETE /api/admin/redirects/{id}': {
    as: 'admin',
    status: 204,
    audit: 'redirect.deleted',
    prepare: async ({ admin }) => {
      const n = nextSequence()
      const redirect = { fromPath: `/gone-${n}`, toPath: `/here-${n}` }
      const id = await createdId(admin, post('/api/admin/redirects', redirect))
      return { call: del(`/api/admin/redirects/${id}`), events: [] }
    },
  },
  'POST /api/admin/contact-messages/{id}/read': {
    as: 'admin',
    status: 204,
    audit: 'contact_message.updated',
    prepare: async ({ db }) => ({
      call: post(`/api/admin/contact-messages/${await buildContactMessage(db)}/read`),
      events: [],
    }),
  },
  'DELETE /api/admin/contact-messages/{id}': {
    as: 'admin',
    status: 204,
    audit: 'contact_message.deleted',
    prepare: async ({ db }) => ({
      call: del(`/api/admin/contact-messages/${await buildContactMessage(db)}`),
      events: [],
    }),
  },
  'POST /api/admin/webhooks': {
    as: 'admin',
    status: 201,
    audit: 'webhook.created',
    prepare: () => ({
      call: post('/api/admin/webhooks', {
        url: 'https://hooks.example/masthead',
        events: ['article.published'],
      }),
      events: [],
    }),
  },
  'DELETE /api/admin/webhooks/{id}': {
    as: 'admin',
    status: 204,
    audit: 'webhook.deleted',
    prepare: async ({ admin }) => {
      const webhook = { url: 'https://hooks.example/old', events: ['*'] }
      const id = await createdId(admin, post('/api/admin/webhooks', webhook))
      return { call: del(`/api/admin/webhooks/${id}`), events: [] }
    },
  },
  'POST /api/admin/wires/feeds': {
    as: 'admin',
    status: 201,
    audit: 'wire_feed.created',
    prepare: async (kit) => ({
      call: post('/api/admin/wires/feeds', await newFeed(kit)),
      events: [],
    }),
  },
  'PATCH /api/admin/wires/feeds/{id}': {
    as: 'admin',
    status: 200,
    audit: 'wire_feed.updated',
    prepare: async (kit) => ({
      call: patch(`/api/admin/wires/feeds/${await createFeed(kit)}`, { pollIntervalSeconds: 600 }),
      events: [],
    }),
  },
  'DELETE /api/admin/wires/feeds/{id}': {
    as: 'admin',
    status: 204,
    audit: 'wire_feed.deleted',
    prepare: async (kit) => ({
      call: del(`/api/admin/wires/feeds/${await createFeed(kit)}`),
      events: [],
    }),
  },
  // Not audited today. A poll someone asks for fills the queue like a scheduled one, but it is a
  // person's act; the action name is a proposal.
  'POST /api/admin/wires/feeds/{id}/poll': {
    as: 'admin',
    status: 200,
    audit: 'wire_feed.polled',
    prepare: async (kit) => ({ call: pollFeed(await createFeed(kit)), events: [] }),
  },
  'POST /api/admin/wires/items/{id}/use': {
    as: 'admin',
    status: 201,
    audit: 'article.create',
    prepare: async (kit) => {
      const feedId = await createFeed(kit)
      await apiCall(kit.admin, pollFeed(feedId))
      const queue = await apiCall(kit.admin, {
        method: 'GET',
        url: `/api/admin/wires/items?feedId=${feedId}`,
      })
      const [item] = queue.json<{ items: { id: number }[] }>().items
      return {
        call: post(`/api/admin/wires/items/${item?.id}/use`, {
          section: await buildSection(kit.db),
        }),
        events: (response) => [
          event('article.created', response.json<{ article: { id: number } }>().article.id),
        ],
      }
    },
  },
  'POST /api/admin/media': {
    as: 'admin',
    status: 201,
    audit: 'media.created',
    prepare: async () => ({ call: await imageUpload(), events: createdEvent('media.created') }),
  },
  'PATCH /api/admin/media/{id}': {
    as: 'admin',
    status: 200,
    audit: 'media.updated',
    prepare: async (kit) => {
      const id = await uploadMedia(kit)
      return {
        call: patch(`/api/admin/media/${id}`, { alt: { en: 'Boats at the quay' } }),
        events: [event('media.updated', id)],
      }
    },
  },
  'DELETE /api/admin/media/{id}': {
    as: 'admin',
    status: 204,
    audit: 'media.deleted',
    prepare: async (kit) => {
      const id = await uploadMedia(kit)
      return { call: del(`/api/admin/media/${id}`), events: [event('media.deleted', id)] }
    },
  },
  'POST /api/admin/galleries': {
    as: 'admin',
    status: 201,
    audit: 'gallery.created',
    prepare: async (kit) => ({
      call: post('/api/admin/galleries', {
        title: { en: 'Storm damage' },
        items: [{ mediaId: await uploadMedia(kit) }],
      }),
      events: createdEvent('gallery.created'),
    }),
  },
  'PATCH /api/admin/galleries/{id}': {
    as: 'admin',
    status: 200,
    audit: 'gallery.updated',
    prepare: async (kit) => {
      const id = await createGallery(kit)
      return {
        call: patch(`/api/admin/galleries/${id}`, { title: { en: 'After the storm' } }),
        events: [event('gallery.updated', id)],
      }
    },
  },
  'DELETE /api/admin/galleries/{id}': {
    as: 'admin',
    status: 204,
    audit: 'gallery.deleted',
    prepare: async (kit) => {
      const id = await createGallery(kit)
      return { call: del(`/api/admin/galleries/${id}`), events: [event('gallery.deleted', id)] }
    },
  },
}

/** The writes that leave no audit entry, and no event, by design. Keep this list short. */
const UNAUDITED_WRITES: Record<string, WriteCase<Call>> = {
  // The editor's unsaved state, sent every few seconds; the save that follows is audited.
  'POST /api/admin/articles/{id}/autosave': {
    as: 'admin',
    status: 200,
    prepare: async ({ db }) =>
      post(`/api/admin/articles/${await buildArticle(db)}/autosave`, { headline: 'Half-typed' }),
  },
  // Who has an article open: presence in the editor, not a change to the article.
  'POST /api/admin/articles/{id}/lock': {
    as: 'admin',
    status: 200,
    prepare: async ({ db }) => post(`/api/admin/articles/${await buildArticle(db)}/lock`, {}),
  },
  // Closing the article in the editor: presence again.
  'DELETE /api/admin/articles/{id}/lock': {
    as: 'admin',
    status: 204,
    prepare: async ({ db, admin }) => {
      const url = `/api/admin/articles/${await buildArticle(db)}/lock`
      await apiCall(admin, post(url, {}))
      return del(url)
    },
  },
}

/** Each write operation under /api/admin in the OpenAPI document, as `POST /api/admin/tags`. */
async function documentedWrites(app: FastifyInstance): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' })
  const { paths } = response.json<{ paths: Record<string, Record<string, unknown>> }>()
  return Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/admin'))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
        .map((method) => `${method} ${path}`),
    )
}

/** Whether a call is one of the route a case is named after (`{id}` stands for any segment). */
function isCallOf(route: string, request: Call): boolean {
  const path = route.slice(route.indexOf(' ') + 1).replace(/\{\w+\}/g, '[^/?]+')
  return (
    route.startsWith(`${request.method} `) && new RegExp(`^${path}(?:\\?.*)?$`).test(request.url)
  )
}

describeEachDatabase('every Admin API write and the audit trail it leaves', (store) => {
  const mail: MailMessage[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-write-audit-'))
  const agencyFeed = new URL('../../fixtures/wires/agency-en.rss.xml', import.meta.url)
  let app: FastifyInstance

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), {
      env: { MASTHEAD_DATA_DIR: dataDir },
      mailer: {
        send: (message) => Promise.resolve(void mail.push(message)),
        close: () => undefined,
      },
    })
  })
  afterAll(() => app.close())

  /** A case's own signed-in admin: signing out or changing the password touches nobody else. */
  const kitFor = async (): Promise<Kit> => ({
    app,
    db: store().db,
    admin: await signInAs(app, store().db, 'admin'),
    mail,
    wireFolder: () => {
      const name = `agency-${nextSequence()}`
      mkdirSync(join(dataDir, 'wires', name), { recursive: true })
      copyFileSync(agencyFeed, join(dataDir, 'wires', name, 'agency-en.rss.xml'))
      return name
    },
  })

  /** Makes the write as the case says and answers what it left behind. */
  function tracked(kit: Kit, as: 'admin' | 'anonymous', route: string, request: Call) {
    expect(isCallOf(route, request), `${request.method} ${request.url} is not ${route}`).toBe(true)
    return trackWrite(store().db, () =>
      as === 'admin' ? kit.admin.request(request) : app.inject(request),
    )
  }

  it('has one case for each write the OpenAPI document lists, and none for any other', async () => {
    const documented = await documentedWrites(app)
    const cases = [...Object.keys(AUDITED_WRITES), ...Object.keys(UNAUDITED_WRITES)]
    expect(documented.length).toBeGreaterThan(0)
    const uncovered = documented.filter((route) => !cases.includes(route))
    const gone = cases.filter((route) => !documented.includes(route))
    expect.soft(uncovered, 'writes without a case').toEqual([])
    expect.soft(gone, 'cases for writes the API no longer has').toEqual([])
    expect(new Set(cases).size, 'routes with two cases').toBe(cases.length)
  })

  for (const [route, write] of Object.entries(AUDITED_WRITES)) {
    it(`${route} leaves one ${write.audit} entry and exactly its events`, async () => {
      const kit = await kitFor()
      const { call: request, events } = await write.prepare(kit)
      const trail = await tracked(kit, write.as, route, request)
      expect(trail.response.statusCode, trail.response.body).toBe(write.status)
      const actions = trail.audit.map((entry) => entry.action)
      expect.soft(actions, 'audit entries').toEqual([write.audit])
      const expected = typeof events === 'function' ? events(trail.response) : events
      expect.soft(trail.events, 'outbox events').toEqual(expected)
    })
  }

  for (const [route, write] of Object.entries(UNAUDITED_WRITES)) {
    it(`${route} leaves no audit entry and no event, by design`, async () => {
      const kit = await kitFor()
      const trail = await tracked(kit, write.as, route, await write.prepare(kit))
      expect(trail.response.statusCode, trail.response.body).toBe(write.status)
      expect
        .soft(
          trail.audit.map((entry) => entry.action),
          'audit entries',
        )
        .toEqual([])
      expect.soft(trail.events, 'outbox events').toEqual([])
    })
  }
})
