/** What one benchmark case measured: operations per second, from the median of several rounds. */
export interface Measurement {
  name: string
  opsPerSecond: number
}

/**
 * Runs `operation` for `rounds` rounds of about `roundMs` each after a warm-up and reports the
 * median round's rate: the median shrugs off the noise of a shared 2-core machine.
 */
export async function measure(
  name: string,
  operation: () => unknown,
  { rounds = 7, roundMs = 300 } = {},
): Promise<Measurement> {
  const warmUpUntil = performance.now() + roundMs
  while (performance.now() < warmUpUntil) await operation()
  const rates: number[] = []
  for (let round = 0; round < rounds; round++) {
    let operations = 0
    const started = performance.now()
    while (performance.now() - started < roundMs) {
      await operation()
      operations += 1
    }
    rates.push((operations * 1000) / (performance.now() - started))
  }
  rates.sort((a, b) => a - b)
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)] ?? 0 }
}

/** Prints a case against its baseline as a ratio, the figure the issues' budgets are written in. */
export function report(baseline: Measurement, subject: Measurement): string {
  const ratio = subject.opsPerSecond / baseline.opsPerSecond
  return (
    `${subject.name.padEnd(44)} ${subject.opsPerSecond.toFixed(0).padStart(8)} ops/s` +
    `   vs ${baseline.name}: ${baseline.opsPerSecond.toFixed(0)} ops/s  ratio ${ratio.toFixed(2)}`
  )
}
