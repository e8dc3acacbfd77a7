import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import type { z } from 'zod'
import type { Config } from './config.js'
import { ConfigError } from './config-error.js'
import { CONFIG_VARIABLES, type ConfigVariableName } from './config-variables.js'
import { deepFreeze } from '../platform/deep-freeze.js'

type ParsedValue<N extends ConfigVariableName> = z.output<(typeof CONFIG_VARIABLES)[N]['schema']>

/** Variables whose values are secrets: an error about them never repeats the value. */
const SECRET_VARIABLES: ReadonlySet<ConfigVariableName> = new Set([
  'MASTHEAD_ADMIN_PASSWORD',
  'MASTHEAD_METRICS_TOKEN',
])

/** The bad value as an error may repeat it: secrets by their length, URLs without password. */
function shown(name: ConfigVariableName, raw: string): string {
  if (SECRET_VARIABLES.has(name)) return `got ${raw.length} characters`
  return `got "${raw.replace(/(:\/\/[^:/@\s]*:)[^@\s]*@/, '$1***@')}"`
}

function readVariable<N extends ConfigVariableName>(
  env: NodeJS.ProcessEnv,
  name: N,
): ParsedValue<N> {
  const rule = CONFIG_VARIABLES[name]
  const raw = env[name] ?? rule.default
  const result = rule.schema.safeParse(raw)
  if (!result.success) throw new ConfigError(name, `must be ${rule.expects} (${shown(name, raw)})`)
  return result.data as ParsedValue<N>
}

/**
 * mkdir -p by hand: Node's recursive mkdirSync never returns on some paths (/proc/x), where a
 * directory exists but nothing can be created in it.
 */
function makeDirectory(path: string): void {
  try {
    mkdirSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    if (code !== 'ENOENT' || dirname(path) === path) throw error
    makeDirectory(dirname(path))
    mkdirSync(path)
  }
}

function ensureWritableDirectory(path: string): void {
  try {
    makeDirectory(path)
    // A real write, not access(): root passes access checks on read-only mounts.
    const probe = join(path, `.write-probe-${process.pid}`)
    writeFileSync(probe, '')
    rmSync(probe)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'not writable'
    throw new ConfigError(
      'MASTHEAD_DATA_DIR',
      `must be ${CONFIG_VARIABLES.MASTHEAD_DATA_DIR.expects} (${path}: ${reason})`,
    )
  }
}

/** Each entry an IPv4 or IPv6 address, optionally with a prefix length that fits it. */
function readAddressList(env: NodeJS.ProcessEnv, name: 'MASTHEAD_METRICS_ALLOW'): string[] {
  const value = readVariable(env, name)
  const entries = value ? value.split(',') : []
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/')
    const family = isIP(address)
    const bits = family === 6 ? 128 : 32
    const isValidPrefix = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits)
    if (family === 0 || !isValidPrefix)
      throw new ConfigError(name, `must be ${CONFIG_VARIABLES[name].expects} (got "${entry}")`)
  }
  return entries
}

/**
 * Reads and validates the environment once. Throws ConfigError naming the first bad variable;
 * creates the data directory when it does not exist yet.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readVariable(env, 'PORT')
  const host = readVariable(env, 'HOST')
  const databaseUrl = readVariable(env, 'DATABASE_URL')
  const siteUrl = readVariable(env, 'MASTHEAD_SITE_URL') || `http://localhost:${port}`
  const connectTimeoutSeconds = readVariable(env, 'MASTHEAD_DB_CONNECT_TIMEOUT')
  const isDemoEnabled = readVariable(env, 'MASTHEAD_DEMO')
  const adminEmail = readVariable(env, 'MASTHEAD_ADMIN_EMAIL')
  const adminPassword = readVariable(env, 'MASTHEAD_ADMIN_PASSWORD')
  const logLevel = readVariable(env, 'MASTHEAD_LOG_LEVEL')
  const trustProxy = readVariable(env, 'MASTHEAD_TRUST_PROXY')
  const smtpUrl = readVariable(env, 'MASTHEAD_SMTP_URL')
  const mailFrom = readVariable(env, 'MASTHEAD_MAIL_FROM')
  const newsroomEmail = readVariable(env, 'MASTHEAD_NEWSROOM_EMAIL')
  const media = {
    maxBytes: readVariable(env, 'MASTHEAD_MEDIA_MAX_BYTES'),
    maxPixels: readVariable(env, 'MASTHEAD_MEDIA_MAX_PIXELS'),
  }
  const pageCacheMegabytes = readVariable(env, 'MASTHEAD_PAGE_CACHE_MB')
  const purgeUrl = readVariable(env, 'MASTHEAD_PURGE_URL')
  const rateLimits = {
    api: readVariable(env, 'MASTHEAD_API_RATE_LIMIT'),
    search: readVariable(env, 'MASTHEAD_SEARCH_RATE_LIMIT'),
  }
  const metricsAllow = readAddressList(env, 'MASTHEAD_METRICS_ALLOW')
  const metricsToken = readVariable(env, 'MASTHEAD_METRICS_TOKEN')
  const shutdownDelaySeconds = readVariable(env, 'MASTHEAD_SHUTDOWN_DELAY')
  const dataDir = resolve(readVariable(env, 'MASTHEAD_DATA_DIR'))
  ensureWritableDirectory(dataDir)

  return deepFreeze<Config>({
    port,
    host,
    dataDir,
    siteUrl: siteUrl.replace(/\/+$/, ''),
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, connectTimeoutMs: connectTimeoutSeconds * 1000 }
      : { kind: 'sqlite', file: join(dataDir, 'masthead.sqlite') },
    isDemoEnabled,
    firstAdmin: { email: adminEmail || undefined, password: adminPassword || undefined },
    logLevel,
    media,
    pageCache: { maxBytes: pageCacheMegabytes * 1024 * 1024, purgeUrl: purgeUrl || undefined },
    rateLimits,
    trustProxy: trustProxy === 'true' ? true : trustProxy ? trustProxy.split(',') : false,
    mail: smtpUrl
      ? { smtpUrl, from: mailFrom, newsroomEmail: newsroomEmail || undefined }
      : undefined,
    metrics: { allow: metricsAllow, token: metricsToken || undefined },
    shutdownDelayMs: shutdownDelaySeconds * 1000,
  })
}
