/** Why a poll failed, in words an editor can act on; stored as the feed's last error. */
export type WireFailure = 'unreachable' | 'timeout' | 'http-status' | 'too-large' | 'malformed'

/** A feed that could not be fetched or read; the poll records it and tries again later. */
export class WireFeedError extends Error {
  readonly failure: WireFailure

  constructor(failure: WireFailure, message: string) {
    super(message)
    this.name = 'WireFeedError'
    this.failure = failure
  }
}
