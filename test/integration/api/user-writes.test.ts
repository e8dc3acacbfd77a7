import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUserService } from '../../../src/modules/access/user-service.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import {
  buildUser,
  signIn,
  signInAs,
  TEST_PASSWORD,
  type NewsroomClient,
} from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite } from '../../helpers/write-trail.js'

const errorOf = (response: { statusCode: number; json: () => unknown }) => [
  response.statusCode,
  (response.json() as { errors: { code: string }[] }).errors[0]?.code,
]

describeEachDatabase('newsroom accounts: one audit entry per write', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(() => app.close())

  const addUser = (payload: Record<string, unknown>, as = admin) =>
    as.request({ method: 'POST', url: '/api/admin/users', payload })
  const changeUser = (id: number, payload: Record<string, unknown>) =>
    admin.request({ method: 'PATCH', url: `/api/admin/users/${id}`, payload })

  it('adds an account with one user.create entry by the admin and no events', async () => {
    const { response, audit, events } = await trackWrite(store().db, () =>
      addUser({
        email: 'Desk@Newsroom.example',
        name: 'Desk',
        role: 'editor',
        password: TEST_PASSWORD,
      }),
    )
    expect(response.statusCode, response.body).toBe(201)
    const { id, email } = response.json<{ id: number; email: string }>()
    expect(email).toBe('desk@newsroom.example')
    expect(audit).toEqual([
      {
        action: 'user.create',
        entityType: 'user',
        entityId: String(id),
        actorType: 'user',
        actorId: admin.userId,
      },
    ])
    expect(events).toEqual([])
  })

  it('refuses a duplicate email with 409 and records nothing', async () => {
    const { response, audit, events } = await trackWrite(store().db, () =>
      addUser({
        email: 'DESK@newsroom.example',
        name: 'Again',
        role: 'author',
        password: 'x'.repeat(12),
      }),
    )
    expect(errorOf(response)).toEqual([409, 'CONFLICT'])
    expect(audit).toEqual([])
    expect(events).toEqual([])
  })

  it('refuses an unknown role or a short password with 400 and records nothing', async () => {
    for (const payload of [
      { email: 'chief@newsroom.example', name: 'Chief', role: 'chief', password: TEST_PASSWORD },
      { email: 'short@newsroom.example', name: 'Short', role: 'author', password: 'short' },
    ]) {
      const { response, audit, events } = await trackWrite(store().db, () => addUser(payload))
      expect(errorOf(response)).toEqual([400, 'VALIDATION_FAILED'])
      expect(audit).toEqual([])
      expect(events).toEqual([])
    }
  })

  it('records one user.update for a role change and one for disabling', async () => {
    const account = await buildUser(store().db, 'editor')
    for (const change of [{ role: 'author' }, { isDisabled: true }]) {
      const { response, audit, events } = await trackWrite(store().db, () =>
        changeUser(account.id, change),
      )
      expect(response.statusCode, response.body).toBe(200)
      expect(audit.map((entry) => [entry.action, entry.entityId, entry.actorId])).toEqual([
        ['user.update', String(account.id), admin.userId],
      ])
      expect(events).toEqual([])
    }
    const details = await store()
      .db.selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'user.update')
      .where('entityId', '=', String(account.id))
      .orderBy('id')
      .execute()
    expect(details.map((row) => JSON.parse(row.details) as unknown)).toEqual([
      { role: 'author', ipAddress: '127.0.0.1' },
      { isDisabled: true, ipAddress: '127.0.0.1' },
    ])
  })

  it('refuses a bad change, an unknown account or taking away your own role, recording nothing', async () => {
    const account = await buildUser(store().db, 'author')
    const attempts = [
      () => changeUser(account.id, { role: 'chief' }),
      () => changeUser(999_999, { name: 'Nobody' }),
      () => changeUser(admin.userId, { role: 'editor' }),
      () => changeUser(admin.userId, { isDisabled: true }),
    ]
    const answers = []
    for (const attempt of attempts) {
      const { response, audit, events } = await trackWrite(store().db, attempt)
      answers.push(errorOf(response))
      expect(audit).toEqual([])
      expect(events).toEqual([])
    }
    expect(answers).toEqual([
      [400, 'VALIDATION_FAILED'],
      [404, 'NOT_FOUND'],
      [409, 'CONFLICT'],
      [409, 'CONFLICT'],
    ])
  })

  it('lets only admins manage accounts, at the route and in the service', async () => {
    const editorAccount = await buildUser(store().db, 'editor')
    const editor = await signIn(app, editorAccount)
    const viaRoute = await trackWrite(store().db, () =>
      addUser(
        { email: 'x@newsroom.example', name: 'X', role: 'author', password: TEST_PASSWORD },
        editor,
      ),
    )
    expect(errorOf(viaRoute.response)).toEqual([403, 'FORBIDDEN'])
    expect(viaRoute.audit).toEqual([])
    const users = createUserService({ db: store().db, clock: fixedClock(TEST_NOW) })
    const editorContext = {
      actor: { kind: 'user', userId: editorAccount.id, role: 'editor', name: 'Ed' },
      ipAddress: null,
    } as const
    const tokenContext = {
      actor: { kind: 'token', tokenId: 1, scopes: ['publish'], createdBy: null },
      ipAddress: null,
    } as const
    const newUser = {
      email: 'y@newsroom.example',
      name: 'Y',
      role: 'author',
      password: TEST_PASSWORD,
    }
    const viaService = await trackWrite(store().db, () =>
      Promise.allSettled([
        users.create(editorContext, newUser),
        users.create(tokenContext, newUser),
        users.update(editorContext, editorAccount.id, { role: 'admin' }),
        users.resetPassword(tokenContext, {
          email: editorAccount.email,
          newPassword: 'x'.repeat(12),
        }),
      ]),
    )
    expect(
      viaService.response.map((result) =>
        result.status === 'rejected' ? (result.reason as { code: string }).code : 'done',
      ),
    ).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
    expect(viaService.audit).toEqual([])
  })

  it('sets a password as the system with one user.reset_password entry', async () => {
    const account = await buildUser(store().db, 'author')
    const users = createUserService({ db: store().db, clock: fixedClock(TEST_NOW) })
    const { audit, events } = await trackWrite(store().db, () =>
      users.resetPassword(
        { actor: { kind: 'system' }, ipAddress: null },
        { email: account.email, newPassword: 'a new long password' },
      ),
    )
    expect(audit).toEqual([
      {
        action: 'user.reset_password',
        entityType: 'user',
        entityId: String(account.id),
        actorType: 'system',
        actorId: null,
      },
    ])
    expect(events).toEqual([])
  })
})
