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
}

/** Label values escape backslash, double quote and newline; HELP text backslash and newline. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

function formatLabels(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}

/** Families in the Prometheus text exposition format (version 0.0.4). */
export function formatPrometheusText(families: readonly MetricFamily[]): string {
  const lines: string[] = []
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`)
    lines.push(`# TYPE ${family.name} ${family.type}`)
    for (const sample of family.samples) {
      const name = family.name + (sample.suffix ?? '')
      lines.push(`${name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`)
    }
  }
  return lines.join('\n') + '\n'
}

/** The content type Prometheus asks for and expects back. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

/** Adds labels to every sample of the families (the worker's pid, in a cluster). */
export function withLabels(
  families: readonly MetricFamily[],
  labels: Readonly<Record<string, string>>,
): MetricFamily[] {
  return families.map((family) => ({
    ...family,
    samples: family.samples.map((sample) => ({
      ...sample,
      labels: { ...labels, ...sample.labels },
    })),
  }))
}

/** Joins families of the same name from several processes into one family each, in order. */
export function mergeFamilies(groups: readonly (readonly MetricFamily[])[]): MetricFamily[] {
  const byName = new Map<string, MetricFamily>()
  for (const families of groups) {
    for (const family of families) {
      const known = byName.get(family.name)
      if (known) known.samples.push(...family.samples)
      else byName.set(family.name, { ...family, samples: [...family.samples] })
    }
  }
  return [...byName.values()]
}
