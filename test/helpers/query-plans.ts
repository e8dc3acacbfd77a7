import { CompiledQuery, type Kysely, type KyselyConfig } from 'kysely'
import type { DialectName } from '../../src/db/create-database.js'
import type { Database } from '../../src/db/database.js'

/** A query as it ran: its SQL and the values bound to it. */
export interface RecordedQuery {
  sql: string
  parameters: readonly unknown[]
}

/** A store's `log` that keeps every read it sees, and `take()` to collect them since last asked. */
export function recordQueries(): {
  log: NonNullable<KyselyConfig['log']>
  take(): RecordedQuery[]
} {
  let recorded: RecordedQuery[] = []
  return {
    log(event) {
      const { sql, parameters } = event.query
      if (/^\s*(select|with)\b/i.test(sql)) recorded.push({ sql, parameters })
    },
    take() {
      const taken = recorded
      recorded = []
      return taken
    },
  }
}

/** One step of a query plan, in the words of both databases. */
export interface PlanStep {
  table: string | undefined
  index: string | undefined
  /** Reads a whole table, or a whole index, rather than a range of one. */
  isFullScan: boolean
  /** Sorts rows itself rather than reading them in an index's order. */
  isSort: boolean
  text: string
}

function sqliteStep(detail: string): PlanStep {
  const table = /^(?:SCAN|SEARCH) (\w+)/.exec(detail)?.[1]
  const index = / USING (?:COVERING )?INDEX (\w+)/.exec(detail)?.[1]
  const isPrimaryKey = / USING (?:INTEGER )?PRIMARY KEY/.test(detail)
  return {
    table,
    index: index ?? (isPrimaryKey ? `${table ?? ''} primary key` : undefined),
    isFullScan: detail.startsWith('SCAN ') && !detail.includes(' VIRTUAL TABLE '),
    isSort: /USE TEMP B-TREE FOR .*ORDER BY/.test(detail),
    text: detail,
  }
}

interface PostgresNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Index Cond'?: string
  'Sort Key'?: string[]
  Plans?: PostgresNode[]
}

function postgresSteps(node: PostgresNode): PlanStep[] {
  const type = node['Node Type']
  const step: PlanStep = {
    table: node['Relation Name'],
    index: node['Index Name'],
    isFullScan:
      type === 'Seq Scan' || (/Index( Only)? Scan/.test(type) && node['Index Cond'] === undefined),
    isSort: type === 'Sort' || type === 'Incremental Sort',
    text: [type, node['Relation Name'], node['Index Name'], node['Index Cond'], node['Sort Key']]
      .filter(Boolean)
      .join(' '),
  }
  return [step, ...(node.Plans ?? []).flatMap(postgresSteps)]
}

/**
 * The plan the database would run a recorded query with, as steps. PostgreSQL weighs a small
 * test table's pages and often reads it whole or sorts it, whatever its indexes; `asIfLarge`
 * tells it to avoid sequential scans and sorts for this plan (`set local`), as the costs of a
 * large table would, so that it still sorts or scans only where no index serves the query.
 */
export async function explainQuery(
  db: Kysely<Database>,
  dialect: DialectName,
  query: RecordedQuery,
  options: { asIfLarge?: boolean } = {},
): Promise<PlanStep[]> {
  if (dialect === 'postgres' && options.asIfLarge)
    return db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'))
      await trx.executeQuery(CompiledQuery.raw('set local enable_sort = off'))
      return explainQuery(trx, dialect, query)
    })
  if (dialect === 'sqlite') {
    const { rows } = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    )
    return rows.map((row) => sqliteStep(row.detail))
  }
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
  )
  // The store reads JSON as its text, as it does every JSON column.
  const [explained] = JSON.parse(rows[0]?.['QUERY PLAN'] ?? '[]') as { Plan: PostgresNode }[]
  const plan = explained?.Plan
  return plan ? postgresSteps(plan) : []
}

/** The plan as the database prints it, with times on PostgreSQL (`explain analyze`). */
export async function printPlan(
  db: Kysely<Database>,
  dialect: DialectName,
  query: RecordedQuery,
): Promise<string[]> {
  const prefix = dialect === 'sqlite' ? 'explain query plan' : 'explain (analyze, buffers off)'
  const { rows } = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`${prefix} ${query.sql}`, [...query.parameters]),
  )
  return rows.map((row) => String(dialect === 'sqlite' ? row['detail'] : row['QUERY PLAN']))
}
