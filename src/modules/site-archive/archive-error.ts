/** An archive that cannot be exported or imported, or a site it must not go into: one sentence. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArchiveError'
  }
}
