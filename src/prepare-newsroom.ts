import type { Kysely } from 'kysely'
import type { Config } from './config/config.js'
import type { Database } from './db/database.js'
import { loadDemoContent, type DemoSummary } from './demo/load-demo.js'
import { loadDemoWires } from './demo/demo-wires.js'
import {
  listEditions,
  saveEditions,
  STARTING_EDITIONS,
} from './modules/editions/edition-queries.js'
import { generatePassword, hashPassword } from './modules/users/password.js'
import { countUsers, createUser } from './modules/users/user-queries.js'
import type { MediaStorage } from './platform/storage/media-storage.js'

export const DEFAULT_ADMIN_EMAIL = 'admin@masthead.localhost'

export interface PreparationReport {
  demo: DemoSummary | undefined
  /** The first admin, when this start created one; the password only when it was generated. */
  firstAdmin: { email: string; generatedPassword: string | undefined } | undefined
}

/** Whether the newsroom has no articles yet (a fresh install). */
export async function isNewsroomEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

/**
 * What a start does after migrating: the starting editions on an empty database, the demo newsroom
 * and its agency feeds on a database without articles (unless disabled), and the first admin when
 * there are no users.
 */
export async function prepareNewsroom(input: {
  db: Kysely<Database>
  config: Config
  storage: MediaStorage
  now: Date
}): Promise<PreparationReport> {
  const { db, config, storage, now } = input
  if ((await listEditions(db)).length === 0) await saveEditions(db, STARTING_EDITIONS)
  let demo: DemoSummary | undefined
  if (config.isDemoEnabled && (await isNewsroomEmpty(db))) {
    demo = await loadDemoContent(db, storage, now)
    await loadDemoWires(db, { dataDir: config.dataDir, now })
  }

  let firstAdmin: PreparationReport['firstAdmin']
  if ((await countUsers(db)) === 0) {
    const generatedPassword = config.firstAdmin.password ? undefined : generatePassword()
    const email = config.firstAdmin.email ?? DEFAULT_ADMIN_EMAIL
    await createUser(
      db,
      {
        email,
        name: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(config.firstAdmin.password ?? generatedPassword ?? ''),
      },
      now,
    )
    firstAdmin = { email, generatedPassword }
  }
  return { demo, firstAdmin }
}
