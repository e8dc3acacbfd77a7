/** The file given to an import is not what it should be; the message names what is wrong. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportInputError'
  }
}
