import { setTimeout as sleep } from 'node:timers/promises'
import { openStore } from '../../../src/db/create-database.js'
import { recordAudit } from '../../../src/modules/audit/audit-queries.js'

/** Writes a burst of read-then-write transactions into a SQLite file, as a second process would. */
const [file = '', writes = '0', writer = ''] = process.argv.slice(2)
const store = await openStore({ kind: 'sqlite', file })
try {
  for (let index = 0; index < Number(writes); index++) {
    await store.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll().as('total'))
        .executeTakeFirstOrThrow()
      // Work between the read and the write, as a service does: the other writer gets in here.
      await sleep(1)
      await recordAudit(
        trx,
        {
          actorType: 'system',
          actorId: null,
          action: 'burst',
          entityType: writer,
          entityId: String(index),
        },
        new Date(),
      )
    })
  }
  process.stdout.write(JSON.stringify({ ok: true }))
} catch (error) {
  process.stdout.write(
    JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  )
} finally {
  await store.close()
}
