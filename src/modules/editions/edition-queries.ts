import type { Kysely, Selectable } from 'kysely'
import { withTransaction } from '../../db/transaction.js'
import type { Database, EditionsTable } from '../../db/database.js'

export interface Edition {
  code: string
  name: string
  direction: 'ltr' | 'rtl'
  locale: string
  isDefault: boolean
}

function toEdition(row: Selectable<EditionsTable>): Edition {
  return {
    code: row.code,
    name: row.name,
    direction: row.direction,
    locale: row.locale,
    isDefault: row.isDefault === 1,
  }
}

/** Every edition as stored (`isDefault` 0 or 1, with its `position`), in menu order. */
export async function listEditionRows(db: Kysely<Database>): Promise<Selectable<EditionsTable>[]> {
  return db.selectFrom('editions').selectAll().orderBy('position').orderBy('code').execute()
}

/** Every edition, in menu order. */
export async function listEditions(db: Kysely<Database>): Promise<Edition[]> {
  return (await listEditionRows(db)).map(toEdition)
}

/** Inserts or updates editions; the last one flagged default becomes the only default. */
export async function saveEditions(db: Kysely<Database>, editions: Edition[]): Promise<void> {
  await withTransaction(db, async (trx) => {
    for (const [position, edition] of editions.entries()) {
      const row = { ...edition, isDefault: edition.isDefault ? 1 : 0, position }
      await trx
        .insertInto('editions')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('code').doUpdateSet({
            name: row.name,
            direction: row.direction,
            locale: row.locale,
            isDefault: row.isDefault,
            position,
          }),
        )
        .execute()
    }
    const defaultEdition = editions.findLast((edition) => edition.isDefault)
    if (defaultEdition) {
      await trx
        .updateTable('editions')
        .set({ isDefault: 0 })
        .where('code', '!=', defaultEdition.code)
        .execute()
    }
  })
}

/** The two editions Masthead starts with. */
export const STARTING_EDITIONS: Edition[] = [
  { code: 'en', name: 'English', direction: 'ltr', locale: 'en-GB', isDefault: true },
  { code: 'ar', name: 'العربية', direction: 'rtl', locale: 'ar-u-nu-latn', isDefault: false },
]
