import type { Config } from '../config/config.js'
import { openStore, type Store } from '../db/create-database.js'
import { migrateToLatest } from '../db/migrate.js'

/** Opens the configured store, migrated, for the length of one command. */
export async function withMigratedStore<T>(
  config: Config,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(config.database)
  try {
    await migrateToLatest(store.db)
    return await work(store)
  } finally {
    await store.close()
  }
}
