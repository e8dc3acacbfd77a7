/** PostgreSQL's SQLSTATEs for a server that went away or is not taking connections yet. */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03'])
/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'])
/** What pg says, without a code, about a connection that ended under it. */
const CUT_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/

/**
 * Whether an error means the database could not be reached (a restart, a failover, a network cut)
 * rather than that the query was wrong: such requests answer 503 DATABASE_UNREACHABLE, and the
 * pool opens new connections once the server is back.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string') {
    if (code.startsWith('08') || SERVER_GONE.has(code) || SOCKET_CODES.has(code)) return true
  }
  if (typeof message === 'string' && CUT_CONNECTION.test(message)) return true
  // A connection refused to every address of a host comes as one AggregateError.
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure)
  return false
}
