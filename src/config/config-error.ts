/** A configuration problem: the variable at fault and what it should be, printed as one line. */
export class ConfigError extends Error {
  readonly variable: string

  constructor(variable: string, expectation: string) {
    super(`${variable} ${expectation}`)
    this.name = 'ConfigError'
    this.variable = variable
  }
}
