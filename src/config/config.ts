/** The frozen configuration every part of Masthead receives; only src/config/ reads the environment. */
export type DatabaseConfig =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; connectTimeoutMs: number }

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  readonly port: number
  readonly host: string
  /** Absolute path of the writable folder for the SQLite file and media. */
  readonly dataDir: string
  /** Public base URL without a trailing slash, used for canonical links. */
  readonly siteUrl: string
  readonly database: DatabaseConfig
  /** Whether an empty database is filled with the demo newsroom on first start. */
  readonly isDemoEnabled: boolean
  readonly firstAdmin: { readonly email: string | undefined; readonly password: string | undefined }
  readonly logLevel: LogLevel
  /** Limits on uploaded images: bytes of the file, and pixels (width × height) of the picture. */
  readonly media: { readonly maxBytes: number; readonly maxPixels: number }
  /** Requests per minute and client address: to the APIs, and searches; 0 is no limit. */
  readonly rateLimits: { readonly api: number; readonly search: number }
  /**
   * The page cache's byte budget per process (0 turns it off) and, when a CDN or Varnish sits in
   * front, where purges are sent as `PURGE` requests with an `xkey` header.
   */
  readonly pageCache: { readonly maxBytes: number; readonly purgeUrl: string | undefined }
  /**
   * Which proxies may tell the client's address in X-Forwarded-For: none, all, or a list. Trusting
   * a header that clients can set themselves would let anyone dodge per-address limits.
   */
  readonly trustProxy: boolean | readonly string[]
  /** Outgoing email, when SMTP is configured. */
  readonly mail:
    | {
        readonly smtpUrl: string
        readonly from: string
        readonly newsroomEmail: string | undefined
      }
    | undefined
  /**
   * Who may read /metrics: clients from these addresses or CIDR ranges (the client address as
   * trustProxy tells it), or anyone sending `Authorization: Bearer <token>`.
   */
  readonly metrics: { readonly allow: readonly string[]; readonly token: string | undefined }
  /** Seconds between SIGTERM and closing the listener, with /readyz answering 503 meanwhile. */
  readonly shutdownDelayMs: number
}
