import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/database.js'
import { openStore } from '../../../src/db/create-database.js'
import { createScheduledPublisher } from '../../../src/jobs/scheduled-publishing.js'
import { createArticleService } from '../../../src/modules/editorial/article-service.js'
import { manualClock } from '../../../src/platform/clock.js'
import { openEventOutbox } from '../../../src/platform/outbox/event-outbox.js'
import { buildArticle, buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { outboxEvents } from '../../helpers/outbox-events.js'
import {
  createTestStore,
  describeEachDatabase,
  type TestStore,
} from '../../helpers/test-databases.js'

// Several processes share one database on PostgreSQL; a SQLite newsroom runs one process.
describe('scheduled publishing across processes (postgres)', () => {
  let postgres: TestStore | undefined
  const store = () => {
    if (!postgres) throw new Error('no store')
    return postgres
  }
  beforeAll(async () => {
    postgres = await createTestStore('postgres')
  })
  afterAll(() => postgres?.dispose())

  it('publishes each due article exactly once when two processes race', async () => {
    await buildEditions(store().db)
    const dueAt = new Date(TEST_NOW.getTime() + 60_000).toISOString()
    const ids: number[] = []
    for (let n = 0; n < 20; n++) {
      ids.push(
        await buildArticle(store().db, {
          status: 'scheduled',
          scheduledAt: dueAt,
          publishedAt: null,
        }),
      )
    }
    // A second process: its own connection pool on the same database.
    const secondStore = await openStore(store().databaseConfig)
    const clock = manualClock(new Date(TEST_NOW.getTime() + 61_000))
    const newsroomProcess = async (db: Kysely<Database>) => {
      const outbox = await openEventOutbox({
        db,
        pollIntervalMs: 60_000,
        onError: (error) => {
          throw error
        },
      })
      return createArticleService({ db, clock, outbox })
    }
    try {
      const [first, second] = await Promise.all([
        (await newsroomProcess(store().db)).publishDueArticles(),
        (await newsroomProcess(secondStore.db)).publishDueArticles(),
      ])
      expect([...first, ...second].sort((a, b) => a - b)).toEqual(ids)
      expect((await outboxEvents(store().db)).sort()).toEqual(
        ids.map((id) => `article.published ${id}`).sort(),
      )
      const rows = await store()
        .db.selectFrom('articles')
        .select(['status', 'publishedAt'])
        .where('id', 'in', ids)
        .execute()
      expect(new Set(rows.map((row) => `${row.status} ${row.publishedAt}`))).toEqual(
        new Set([`published ${dueAt}`]),
      )
      const revisions = await store()
        .db.selectFrom('articleRevisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('articleId', 'in', ids)
        .executeTakeFirstOrThrow()
      expect(Number(revisions.n)).toBe(20)
    } finally {
      await secondStore.close()
    }
  })
})

describeEachDatabase('scheduled publishing', (store) => {
  it('catches up after a restart: the first check publishes what fell due while down', async () => {
    await buildEditions(store().db)
    const overdue = await buildArticle(store().db, {
      status: 'scheduled',
      scheduledAt: new Date(TEST_NOW.getTime() - 3_600_000).toISOString(),
      publishedAt: null,
    })
    const outbox = await openEventOutbox({
      db: store().db,
      pollIntervalMs: 60_000,
      onError: () => undefined,
    })
    const articles = createArticleService({ db: store().db, clock: manualClock(TEST_NOW), outbox })
    const published = new Promise<number>((resolve) =>
      outbox.subscribe((event) => {
        if (event.action === 'published') resolve(event.id)
      }),
    )
    const publisher = createScheduledPublisher({
      publishDueArticles: articles.publishDueArticles,
      onError: (error) => {
        throw error
      },
    })
    publisher.start()
    expect(await published).toBe(overdue)
    await publisher.stop()
  })
})
