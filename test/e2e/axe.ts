import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type axe from 'axe-core'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const

/** Runs axe-core on the page as it is now and answers its violations. */
export async function axeViolations(page: Page): Promise<axe.Result[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (an inline <script> tag would be refused, as it should be).
  await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] }),
  )
  return results.violations
}

/** One line per page: each impact with its rules and how many elements each one flagged. */
export function summarizeViolations(label: string, violations: axe.Result[]): string {
  const parts = IMPACTS.map((impact) => {
    const rules = violations.filter((violation) => violation.impact === impact)
    const detail = rules.map((rule) => `${rule.id}×${rule.nodes.length}`).join(', ')
    return `${impact} ${rules.length}${detail ? ` (${detail})` : ''}`
  })
  return `axe ${label}: ${parts.join('; ')}`
}

/** Each violation with its impact, help text and the first elements it flagged, to read on failure. */
export function describeViolations(violations: axe.Result[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `    ${JSON.stringify(node.target)} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
        )
      return [
        `${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl})`,
        ...targets,
      ].join('\n')
    })
    .join('\n')
}
