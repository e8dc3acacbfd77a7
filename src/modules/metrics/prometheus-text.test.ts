import { describe, expect, it } from 'vitest'
import { createHttpMetrics } from './http-metrics.js'
import { formatPrometheusText, withLabels } from './prometheus-text.js'

describe('the Prometheus text format', () => {
  it('writes HELP and TYPE lines, labels with escaped values, and special numbers', () => {
    const text = formatPrometheusText([
      {
        name: 'example_total',
        help: 'Line one\nwith a \\ backslash',
        type: 'counter',
        samples: [
          { labels: { path: 'a "quoted"\\path\nnext' }, value: 3 },
          { labels: {}, value: Infinity },
        ],
      },
    ])
    expect(text).toBe(
      [
        '# HELP example_total Line one\\nwith a \\\\ backslash',
        '# TYPE example_total counter',
        'example_total{path="a \\"quoted\\"\\\\path\\nnext"} 3',
        'example_total +Inf',
        '',
      ].join('\n'),
    )
  })

  it('makes cumulative duration buckets with sum and count per route and status', () => {
    const http = createHttpMetrics()
    for (const seconds of [0.001, 0.02, 0.02, 30])
      http.observe({ method: 'GET', route: '/:lang/', status: 200, seconds })
    const text = formatPrometheusText(http.collect())
    const labels = 'method="GET",route="/:lang/",status="200"'
    expect(text).toContain(`masthead_http_requests_total{${labels}} 4`)
    expect(text).toContain(`masthead_http_request_duration_seconds_bucket{${labels},le="0.005"} 1`)
    expect(text).toContain(`masthead_http_request_duration_seconds_bucket{${labels},le="0.01"} 1`)
    expect(text).toContain(`masthead_http_request_duration_seconds_bucket{${labels},le="0.025"} 3`)
    expect(text).toContain(`masthead_http_request_duration_seconds_bucket{${labels},le="10"} 3`)
    expect(text).toContain(`masthead_http_request_duration_seconds_bucket{${labels},le="+Inf"} 4`)
    expect(text).toContain(`masthead_http_request_duration_seconds_sum{${labels}} 30.041`)
    expect(text).toContain(`masthead_http_request_duration_seconds_count{${labels}} 4`)
  })

  it('merges the families of several processes, each under its own labels', () => {
    const family = (value: number) => ({
      name: 'up_total',
      help: 'Up.',
      type: 'counter' as const,
      samples: [{ labels: {}, value }],
    })
    const merged = [
      ...withLabels([family(1)], { pid: '10' }),
      ...withLabels([{ ...family(2), samples: [{ labels: { kind: 'x' }, value: 2 }] }], {
        pid: '11',
      }),
    ]
    expect(formatPrometheusText(merged)).toBe(
      '# HELP up_total Up.\n# TYPE up_total counter\nup_total{pid="10"} 1\nup_total{pid="11",kind="x"} 2\n',
    )
  })
})
