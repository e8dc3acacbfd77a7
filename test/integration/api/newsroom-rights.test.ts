import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ArticleStatus, UserRole } from '../../../src/db/database.js'
import { PERMISSIONS, type Permission } from '../../../src/modules/access/permissions.js'
import { WORKFLOW_ACTION_NAMES } from '../../../src/modules/editorial/workflow.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const ROLES: readonly UserRole[] = ['contributor', 'author', 'editor', 'admin']
const STATUSES: readonly ArticleStatus[] = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]
const HOUR_MS = 3_600_000

interface Move {
  action: string
  from: ArticleStatus[]
  to: ArticleStatus
  permission: Permission
}

/**
 * The newsroom app offers what the session and GET /api/admin/workflow say; these tests hold those
 * answers to what the server itself does, so the buttons and settings cannot drift from it.
 */
describeEachDatabase('the rights and workflow the newsroom app is given', (store) => {
  let app: FastifyInstance
  let sectionId: number
  const clients = new Map<UserRole, NewsroomClient>()

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store())
    for (const role of ROLES) clients.set(role, await signInAs(app, store().db, role))
  })
  afterAll(() => app.close())

  const clientOf = (role: UserRole) => {
    const client = clients.get(role)
    if (!client) throw new Error(`no ${role} signed in`)
    return client
  }
  const permissionsOf = async (role: UserRole) =>
    (await clientOf(role).request({ method: 'GET', url: '/api/admin/session' })).json<{
      permissions: Permission[]
    }>().permissions

  it('gives each role, at sign-in and in the session, the permissions of the access matrix', async () => {
    for (const role of ROLES) {
      const expected = Object.entries(PERMISSIONS)
        .filter(([, rule]) => rule.roles.includes(role))
        .map(([permission]) => permission)
      expect(await permissionsOf(role), role).toEqual(expected)
    }
    expect(await permissionsOf('contributor')).not.toContain('articles.publish')
    expect(await permissionsOf('author')).toContain('articles.publish')
    expect(await permissionsOf('editor')).not.toContain('settings.write')
  })

  it('describes every action of the workflow, and only to those who may read articles', async () => {
    const response = await clientOf('contributor').request({
      method: 'GET',
      url: '/api/admin/workflow',
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const { actions } = response.json<{ actions: Move[] }>()
    expect(actions.map((move) => move.action)).toEqual(WORKFLOW_ACTION_NAMES)
    expect((await app.inject({ method: 'GET', url: '/api/admin/workflow' })).statusCode).toBe(401)
  })

  it('lets each role make exactly the moves its answers offer, from every status', async () => {
    const { db } = store()
    const workflow = (
      await clientOf('editor').request({ method: 'GET', url: '/api/admin/workflow' })
    ).json<{ actions: Move[] }>().actions
    const mismatches: string[] = []
    for (const role of ROLES) {
      const client = clientOf(role)
      const permissions = await permissionsOf(role)
      for (const status of STATUSES) {
        for (const move of workflow) {
          const isOffered = move.from.includes(status) && permissions.includes(move.permission)
          // The person's own article, so that the own-articles rule of contributors and authors
          // is not what refuses the move.
          const id = await buildArticle(db, {
            sectionId,
            status,
            createdBy: client.userId,
            publishedAt: ['published', 'unpublished'].includes(status)
              ? TEST_NOW.toISOString()
              : null,
            scheduledAt:
              status === 'scheduled' ? new Date(TEST_NOW.getTime() + HOUR_MS).toISOString() : null,
          })
          const response = await client.request({
            method: 'POST',
            url: `/api/admin/articles/${id}/transitions`,
            payload: {
              action: move.action,
              scheduledAt: new Date(TEST_NOW.getTime() + 2 * HOUR_MS).toISOString(),
            },
          })
          const isAccepted = response.statusCode === 200
          if (isAccepted !== isOffered)
            mismatches.push(
              `${role} ${move.action} from ${status}: offered ${isOffered}, answered ${response.statusCode}`,
            )
          const after = await db
            .selectFrom('articles')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
          if (after.status !== (isAccepted ? move.to : status))
            mismatches.push(`${role} ${move.action} from ${status} left it ${after.status}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })
})
