import { z } from 'zod'

/**
 * Every environment variable Masthead reads: its default, what it expects (the wording of the
 * one-line error) and its zod schema. The README's configuration table lists the same names.
 */
export const CONFIG_VARIABLES = {
  PORT: {
    default: '3000',
    expects: 'a whole number from 1 to 65535',
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(65535)),
  },
  HOST: {
    default: '127.0.0.1',
    expects: 'a host name or IP address to listen on',
    schema: z.string().regex(/^[\w.:-]+$/),
  },
  MASTHEAD_DATA_DIR: {
    default: './data',
    expects: 'a writable directory path',
    schema: z.string().min(1),
  },
  DATABASE_URL: {
    default: '',
    expects: 'empty (SQLite) or a postgres:// or postgresql:// URL',
    schema: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\/[^\s]+$/)]),
  },
  MASTHEAD_SITE_URL: {
    default: '',
    expects: 'an absolute http:// or https:// URL',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  },
  MASTHEAD_DEMO: {
    default: '1',
    expects: 'one of 1, 0, true, false',
    schema: z
      .enum(['1', '0', 'true', 'false'])
      .transform((value) => value === '1' || value === 'true'),
  },
  MASTHEAD_ADMIN_EMAIL: {
    default: '',
    expects: 'an email address',
    schema: z.union([z.literal(''), z.email()]),
  },
  MASTHEAD_ADMIN_PASSWORD: {
    default: '',
    expects: 'a password of at least 12 characters',
    schema: z.union([z.literal(''), z.string().min(12)]),
  },
  MASTHEAD_TRUST_PROXY: {
    default: '',
    expects:
      'empty (trust no proxy), true (trust any), or comma-separated proxy addresses or CIDR ranges',
    schema: z.union([
      z.literal(''),
      z.literal('true'),
      z.string().regex(/^[\d.:a-fA-F/]+(,[\d.:a-fA-F/]+)*$/),
    ]),
  },
  MASTHEAD_LOG_LEVEL: {
    default: 'info',
    expects: 'one of fatal, error, warn, info, debug, trace, silent',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  },
  MASTHEAD_SMTP_URL: {
    default: '',
    expects: 'empty (no email) or an smtp:// or smtps:// URL',
    schema: z.union([z.literal(''), z.string().regex(/^smtps?:\/\/[^\s]+$/)]),
  },
  MASTHEAD_MAIL_FROM: {
    default: 'Masthead <newsroom@masthead.localhost>',
    expects: 'a sender address such as "Newsroom <newsroom@example.org>"',
    schema: z.string().regex(/^[^<>@]*(<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/),
  },
  MASTHEAD_NEWSROOM_EMAIL: {
    default: '',
    expects: 'empty or the email address that receives contact-form notifications',
    schema: z.union([z.literal(''), z.email()]),
  },
  MASTHEAD_DB_CONNECT_TIMEOUT: {
    default: '30',
    expects: 'a whole number of seconds from 0 to 3600',
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(0).max(3600)),
  },
  MASTHEAD_MEDIA_MAX_BYTES: {
    default: String(25 * 1024 * 1024),
    expects: 'a whole number of bytes from 1024 to 1073741824',
    schema: z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1024)
          .max(1024 * 1024 * 1024),
      ),
  },
  MASTHEAD_MEDIA_MAX_PIXELS: {
    default: String(100_000_000),
    expects: 'a whole number of pixels from 1000000 to 1000000000',
    schema: z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(z.number().int().min(1_000_000).max(1_000_000_000)),
  },
  MASTHEAD_PAGE_CACHE_MB: {
    default: '64',
    expects: 'a whole number of megabytes from 0 (no page cache) to 4096',
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(0).max(4096)),
  },
  MASTHEAD_PURGE_URL: {
    default: '',
    expects: 'empty or an http:// or https:// URL that takes PURGE requests with an xkey header',
    schema: z.union([z.literal(''), z.string().regex(/^https?:\/\/[^\s]+$/)]),
  },
  MASTHEAD_API_RATE_LIMIT: {
    default: '600',
    expects: 'a whole number of requests per minute (0 turns the limit off)',
    schema: z.string().regex(/^\d+$/).transform(Number),
  },
  MASTHEAD_SEARCH_RATE_LIMIT: {
    default: '60',
    expects: 'a whole number of searches per minute (0 turns the limit off)',
    schema: z.string().regex(/^\d+$/).transform(Number),
  },
  MASTHEAD_METRICS_ALLOW: {
    default: '127.0.0.0/8,::1/128',
    expects: 'empty (no address) or comma-separated IP addresses or CIDR ranges',
    schema: z.union([z.literal(''), z.string().regex(/^[\d.:a-fA-F/]+(,[\d.:a-fA-F/]+)*$/)]),
  },
  MASTHEAD_METRICS_TOKEN: {
    default: '',
    expects: 'empty (no token) or a token of at least 24 characters without spaces',
    schema: z.union([z.literal(''), z.string().regex(/^\S{24,}$/)]),
  },
  MASTHEAD_SHUTDOWN_DELAY: {
    default: '0',
    expects: 'a whole number of seconds from 0 to 300',
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(0).max(300)),
  },
} as const

export type ConfigVariableName = keyof typeof CONFIG_VARIABLES
