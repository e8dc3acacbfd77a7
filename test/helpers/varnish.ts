import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Whether Debian's varnish-modules put the xkey module in /usr/lib/varnish or a multiarch folder. */
function hasXkeyModule(): boolean {
  const folders = ['', ...readdirSync('/usr/lib').map((name) => `${name}/`)]
  return folders.some((folder) => existsSync(`/usr/lib/${folder}varnish/vmods/libvmod_xkey.so`))
}

/** Throws, saying what to install, unless varnishd and its xkey module are here. */
export function assertVarnishInstalled(): void {
  const version = spawnSync('varnishd', ['-V'], { encoding: 'utf8' })
  if (version.error || version.status !== 0)
    throw new Error(
      'varnishd is not installed: `apt-get install -y varnish varnish-modules` (.ci/run does)',
    )
  if (!hasXkeyModule())
    throw new Error(
      'the xkey module is missing: `apt-get install -y varnish-modules` (.ci/run does)',
    )
}

/** The one `vcl` block of the "Purging Varnish" section of docs/operations.md. */
export function vclFromOperationsGuide(): string {
  const guide = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8')
  const section = guide.split(/^## /m).find((part) => part.startsWith('Purging Varnish'))
  const blocks = [...(section ?? '').matchAll(/^```vcl\n([\s\S]*?)^```$/gm)]
  if (blocks.length !== 1 || !blocks[0]?.[1])
    throw new Error('docs/operations.md has no single vcl block under "Purging Varnish"')
  return blocks[0][1]
}

/** The VCL of docs/operations.md, pointed at this backend. */
export function vclForBackend(backendPort: number): string {
  const vcl = vclFromOperationsGuide()
  const pointed = vcl.replace(/(\.port\s*=\s*)"\d+"/, `$1"${backendPort}"`)
  if (pointed === vcl) throw new Error('the VCL in docs/operations.md names no backend port')
  return pointed
}

/** What Varnish says about a response: whether it was a hit, and which stored object it came from. */
export function varnishOf(response: Response) {
  const ids = (response.headers.get('x-varnish') ?? '').split(' ').filter(Boolean)
  return { isHit: ids.length === 2, objectId: ids[1], age: response.headers.get('age') }
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export interface RunningVarnish {
  url: string
  pid: number
  /** A counter of varnishstat (`SMA.Transient.g_bytes`: bytes held for uncacheable responses). */
  counter(name: string): number
  stop(): Promise<void>
}

async function waitForAnswer(url: string, varnish: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (varnish.exitCode !== null)
      throw new Error(`varnishd exited with ${varnish.exitCode}:\n${output()}`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  throw new Error(`varnishd did not answer within 90 s:\n${output()}`)
}

/**
 * Starts varnishd in the foreground with this VCL on a loopback port of its own, with its working
 * directory and files in a temporary folder; `stop()` ends it by its process id.
 */
export async function startVarnish(input: { vcl: string; port: number }): Promise<RunningVarnish> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-varnish-'))
  const vclFile = join(folder, 'masthead.vcl')
  writeFileSync(vclFile, input.vcl)
  // -j none: no privilege separation, so it runs the same as root or as an ordinary user.
  const varnish = spawn(
    'varnishd',
    [
      ...['-F', '-j', 'none', '-n', join(folder, 'work'), '-f', vclFile],
      ...['-a', `127.0.0.1:${input.port}`, '-T', 'none', '-s', 'malloc,32m'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  varnish.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  varnish.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const pid = varnish.pid
  if (pid === undefined) throw new Error('varnishd did not start')
  const url = `http://127.0.0.1:${input.port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(folder, { recursive: true, force: true })
        resolve()
      }
      if (varnish.exitCode !== null || varnish.signalCode !== null) return done()
      const force = setTimeout(() => process.kill(pid, 'SIGKILL'), 15_000)
      varnish.once('exit', () => {
        clearTimeout(force)
        done()
      })
      process.kill(pid, 'SIGTERM')
    })
  try {
    await waitForAnswer(url, varnish, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  const counter = (name: string) => {
    const stats = spawnSync('varnishstat', ['-n', join(folder, 'work'), '-1', '-f', name], {
      encoding: 'utf8',
    })
    const value = new RegExp(`^${name.replace(/\./g, '\\.')}\\s+(\\d+)`, 'm').exec(stats.stdout)
    if (!value?.[1]) throw new Error(`varnishstat has no ${name}: ${stats.stdout}${stats.stderr}`)
    return Number(value[1])
  }
  return { url, pid, counter, stop }
}
