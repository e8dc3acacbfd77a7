import { expect, it } from 'vitest'
import { queryTemplate } from '../../../src/db/query-template.js'
import { withTransaction } from '../../../src/db/transaction.js'
import { buildArticle, buildEditions } from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const headlinesByIds = queryTemplate((db, p: { ids: number[]; language: string; limit: number }) =>
  db
    .selectFrom('articles')
    .select(['id', 'headline', 'publishedAt'])
    .where('id', 'in', p.ids)
    .where('language', '=', p.language)
    .orderBy('id')
    .limit(p.limit),
)

const headlinesOfLanguage = queryTemplate((db, p: { language: string; sectionId?: number }) => {
  const query = db.selectFrom('articles').select('id').where('language', '=', p.language)
  return (p.sectionId === undefined ? query : query.where('sectionId', '=', p.sectionId)).orderBy(
    'id',
  )
})

describeEachDatabase('query templates', (store) => {
  it('gives the same rows as building the query each time, for every value and list length', async () => {
    const db = store().db
    await buildEditions(db)
    const english = [await buildArticle(db), await buildArticle(db), await buildArticle(db)]
    const arabic = await buildArticle(db, { language: 'ar' })
    const cases = [
      { ids: english, language: 'en', limit: 10 },
      { ids: english, language: 'en', limit: 2 },
      { ids: [english[2] ?? 0], language: 'en', limit: 10 },
      { ids: [...english, arabic], language: 'ar', limit: 10 },
      { ids: [arabic, english[0] ?? 0], language: 'en', limit: 10 },
      // The first shape again, with other values: the kept SQL gets the new ones.
      { ids: [arabic, 999_999, english[1] ?? 0], language: 'en', limit: 10 },
    ]
    for (const parameters of cases) {
      const built = await db
        .selectFrom('articles')
        .select(['id', 'headline', 'publishedAt'])
        .where('id', 'in', parameters.ids)
        .where('language', '=', parameters.language)
        .orderBy('id')
        .limit(parameters.limit)
        .execute()
      expect(await headlinesByIds.execute(db, parameters), JSON.stringify(parameters)).toEqual(
        built,
      )
    }
    expect(
      (await headlinesByIds.execute(db, { ids: english, language: 'en', limit: 2 })).map(
        (row) => row.id,
      ),
    ).toEqual(english.slice(0, 2))
  })

  it('builds another statement when a parameter is left out', async () => {
    const db = store().db
    await buildEditions(db)
    const first = await buildArticle(db, { language: 'ar' })
    const second = await buildArticle(db, { language: 'ar' })
    const sectionOf = async (id: number) =>
      (
        await db
          .selectFrom('articles')
          .select('sectionId')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).sectionId
    const inSection = await headlinesOfLanguage.execute(db, {
      language: 'ar',
      sectionId: await sectionOf(second),
    })
    expect(inSection.map((row) => row.id)).toEqual([second])
    const everywhere = await headlinesOfLanguage.execute(db, {
      language: 'ar',
      sectionId: undefined,
    })
    expect(everywhere.map((row) => row.id)).toEqual(expect.arrayContaining([first, second]))
  })

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    const db = store().db
    await buildEditions(db)
    await withTransaction(db, async (trx) => {
      const id = await buildArticle(trx, { headline: 'Written inside the transaction' })
      const rows = await headlinesByIds.execute(trx, { ids: [id], language: 'en', limit: 1 })
      expect(rows.map((row) => row.headline)).toEqual(['Written inside the transaction'])
    })
  })
})
