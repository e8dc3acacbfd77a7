/** One value of a metric, with its labels; `suffix` names a histogram's `_bucket`, `_sum`, `_count`. */
export interface Sample {
  labels: Readonly<Record<string, string>>
  value: number
  suffix?: '_bucket' | '_sum' | '_count'
}

/** A metric and its samples, as Prometheus's text format groups them. */
export interface MetricFamily {
  name: string
  help: string
  type: 'counter' | 'gauge' | 'histogram'
  samples: Sample[]
  /** Labels of every sample (the process's pid), written before the sample's own. */
  labels?: Readonly<Record<string, string>>
}

/** Label values escape backslash, double quote and newline. */
function escapeLabelValue(value: string): string {
  if (!/[\\"\n]/.test(value)) return value
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

/**
 * `a="1",b="2"`, remembered per labels object: the series of a histogram keep theirs from one
 * scrape to the next, so most scrapes format no label at all.
 */
const formatted = new WeakMap<object, string>()
function formatLabels(labels: Readonly<Record<string, string>>): string {
  let text = formatted.get(labels)
  if (text === undefined) {
    text = Object.entries(labels)
      .map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
      .join(',')
    formatted.set(labels, text)
  }
  return text
}

/**
 * Families in the Prometheus text exposition format (version 0.0.4). Families of one name (from
 * several processes) are written under one HELP and TYPE, in the order they first appear.
 */
export function formatPrometheusText(families: readonly MetricFamily[]): string {
  const byName = new Map<string, { head: string; lines: string[] }>()
  for (const family of families) {
    let entry = byName.get(family.name)
    if (!entry) {
      const help = family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
      entry = {
        head: `# HELP ${family.name} ${help}\n# TYPE ${family.name} ${family.type}`,
        lines: [],
      }
      byName.set(family.name, entry)
    }
    const common = family.labels ? formatLabels(family.labels) : ''
    for (const sample of family.samples) {
      const own = formatLabels(sample.labels)
      const labels = common && own ? `${common},${own}` : common || own
      entry.lines.push(
        `${family.name}${sample.suffix ?? ''}${labels ? `{${labels}}` : ''} ${formatValue(sample.value)}`,
      )
    }
  }
  let text = ''
  for (const { head, lines } of byName.values())
    text += lines.length === 0 ? `${head}\n` : `${head}\n${lines.join('\n')}\n`
  return text
}

/** The content type Prometheus asks for and expects back. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

/** The families with `labels` added to every sample (the worker's pid, in a cluster). */
export function withLabels(
  families: readonly MetricFamily[],
  labels: Readonly<Record<string, string>>,
): MetricFamily[] {
  return families.map((family) => ({ ...family, labels: { ...labels, ...family.labels } }))
}
