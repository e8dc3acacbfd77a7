import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { MetricFamily } from './prometheus-text.js'

/** Event-loop delay and memory of this process; `close()` stops the delay sampler. */
export interface ProcessMetrics {
  collect(): MetricFamily[]
  close(): void
}

const NS_PER_SECOND = 1e9

/**
 * The event-loop delay is sampled every 10 ms by Node's histogram and reset at each scrape, so
 * the figures are those of the last scrape interval, like prom-client's.
 */
export function createProcessMetrics(): ProcessMetrics {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const gauge = (name: string, help: string, value: number): MetricFamily => ({
    name,
    help,
    type: 'gauge',
    samples: [{ labels: {}, value }],
  })
  return {
    collect() {
      const hasSamples = delay.count > 0
      const seconds = (nanoseconds: number) => (hasSamples ? nanoseconds / NS_PER_SECOND : 0)
      const memory = process.memoryUsage()
      const families: MetricFamily[] = [
        {
          name: 'masthead_event_loop_delay_seconds',
          help: 'Event-loop delay since the previous scrape, by quantile (max is the longest).',
          type: 'gauge',
          samples: [
            { labels: { quantile: '0.5' }, value: seconds(delay.percentile(50)) },
            { labels: { quantile: '0.99' }, value: seconds(delay.percentile(99)) },
            { labels: { quantile: 'max' }, value: seconds(delay.max) },
          ],
        },
        gauge('masthead_process_resident_memory_bytes', 'Resident set size.', memory.rss),
        gauge('masthead_process_heap_used_bytes', 'V8 heap in use.', memory.heapUsed),
        gauge('masthead_process_heap_total_bytes', 'V8 heap reserved.', memory.heapTotal),
        gauge(
          'masthead_process_external_memory_bytes',
          'Memory of C++ objects bound to JavaScript (buffers among them).',
          memory.external,
        ),
        gauge(
          'masthead_process_uptime_seconds',
          'Seconds since this process started.',
          process.uptime(),
        ),
      ]
      delay.reset()
      return families
    },
    close() {
      delay.disable()
    },
  }
}
