import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/masthead.js', import.meta.url))
export const CLUSTER_ADMIN = {
  email: 'admin@masthead.localhost',
  password: 'cluster-test-password',
}

export interface RunningCluster {
  url: string
  /** The process of the cluster's primary. */
  primary: ChildProcess
  stop(): Promise<void>
}

/** A real `masthead start --workers N` on a port of its own, ready when it says so. */
export async function startMastheadCluster(input: {
  workers: number
  port: number
  env?: NodeJS.ProcessEnv
  readyTimeoutMs?: number
}): Promise<RunningCluster> {
  const primary = spawn(process.execPath, [BIN, 'start', '--workers', String(input.workers)], {
    env: {
      PATH: process.env['PATH'],
      PORT: String(input.port),
      MASTHEAD_DATA_DIR: mkdtempSync(join(tmpdir(), 'masthead-cluster-')),
      MASTHEAD_LOG_LEVEL: 'warn',
      MASTHEAD_ADMIN_EMAIL: CLUSTER_ADMIN.email,
      MASTHEAD_ADMIN_PASSWORD: CLUSTER_ADMIN.password,
      ...input.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready in time:\n${output}`)),
      input.readyTimeoutMs ?? 240_000,
    )
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Masthead is serving')) {
        clearTimeout(timer)
        resolve()
      }
    }
    primary.stdout.on('data', read)
    primary.stderr.on('data', read)
    primary.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code}:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${input.port}`,
    primary,
    stop: () =>
      new Promise<void>((resolve) => {
        if (primary.exitCode !== null) return resolve()
        primary.once('exit', () => resolve())
        primary.kill('SIGTERM')
      }),
  }
}

/** A request (a GET unless told) on a connection of its own, so the cluster hands it to its next worker. */
export function getOnNewConnection(
  url: string,
  method = 'GET',
): Promise<{ status: number; body: string; cache: string }> {
  return new Promise((resolve, reject) => {
    const options = { method, agent: false, headers: { connection: 'close' } }
    const outgoing = request(url, options, (reply) => {
      let body = ''
      reply.setEncoding('utf8')
      reply.on('data', (chunk: string) => (body += chunk))
      reply.on('end', () =>
        resolve({
          status: reply.statusCode ?? 0,
          body,
          cache: String(reply.headers['x-cache'] ?? ''),
        }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

/** Signs in through the Admin API and returns a function that sends authenticated JSON. */
export async function adminClient(base: string) {
  const signIn = await fetch(`${base}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CLUSTER_ADMIN),
  })
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`)
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await signIn.json()) as { csrfToken: string }
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
}
