import type { MetricFamily, Sample } from './prometheus-text.js'

/** Upper bounds of the request duration buckets, in seconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

/** What one answered request adds: `route` is the route's pattern, never the raw URL. */
export interface ObservedRequest {
  method: string
  route: string
  status: number
  seconds: number
}

interface Series {
  labels: Record<string, string>
  /** The labels of each bucket, `le` included, made once: a scrape builds no label objects. */
  bucketLabels: Record<string, string>[]
  /** Counts per bucket (not cumulative), the last one for +Inf. */
  buckets: number[]
  sum: number
  count: number
}

/** Request counts and a duration histogram by method, route pattern and status. */
export interface HttpMetrics {
  observe(request: ObservedRequest): void
  collect(): MetricFamily[]
}

export function createHttpMetrics(): HttpMetrics {
  const series = new Map<string, Series>()
  return {
    observe({ method, route, status, seconds }) {
      const key = `${method} ${status} ${route}`
      let entry = series.get(key)
      if (!entry) {
        const labels = { method, route, status: String(status) }
        entry = {
          labels,
          bucketLabels: [...DURATION_BUCKETS.map(String), '+Inf'].map((le) => ({ ...labels, le })),
          buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0),
          sum: 0,
          count: 0,
        }
        series.set(key, entry)
      }
      const index = DURATION_BUCKETS.findIndex((bound) => seconds <= bound)
      entry.buckets[index === -1 ? DURATION_BUCKETS.length : index]! += 1
      entry.sum += seconds
      entry.count += 1
    },
    collect() {
      const counts: Sample[] = []
      const durations: Sample[] = []
      for (const entry of series.values()) {
        counts.push({ labels: entry.labels, value: entry.count })
        let cumulative = 0
        entry.buckets.forEach((inBucket, index) => {
          cumulative += inBucket
          const labels = entry.bucketLabels[index] ?? entry.labels
          durations.push({ labels, value: cumulative, suffix: '_bucket' })
        })
        durations.push({ labels: entry.labels, value: entry.sum, suffix: '_sum' })
        durations.push({ labels: entry.labels, value: entry.count, suffix: '_count' })
      }
      return [
        {
          name: 'masthead_http_requests_total',
          help: 'HTTP requests answered, by method, route pattern and status.',
          type: 'counter',
          samples: counts,
        },
        {
          name: 'masthead_http_request_duration_seconds',
          help: 'Time from receiving a request to sending its answer, by method, route pattern and status.',
          type: 'histogram',
          samples: durations,
        },
      ]
    },
  }
}
