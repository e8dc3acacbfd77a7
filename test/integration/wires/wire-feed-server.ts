import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/wires/${name}`, import.meta.url))

/** What one path answers: a fixture with validators, or a failure of some kind. */
export type FeedBehaviour =
  | { kind: 'file'; name: string; etag: string; lastModified?: string; contentType?: string }
  | { kind: 'text'; text: string; contentType: string }
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'endless' }

/** A local agency: serves fixture feeds (and broken answers) and records what it was asked. */
export interface WireFeedServer {
  url(path: string): string
  /** Changes what a path answers. */
  serve(path: string, behaviour: FeedBehaviour): void
  /** The request headers of every request to a path, oldest first. */
  requests(path: string): IncomingHttpHeaders[]
  close(): Promise<void>
}

export async function startWireFeedServer(): Promise<WireFeedServer> {
  const behaviours = new Map<string, FeedBehaviour>()
  const seen = new Map<string, IncomingHttpHeaders[]>()
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/'
    seen.set(path, [...(seen.get(path) ?? []), request.headers])
    const behaviour = behaviours.get(path)
    if (!behaviour) return response.writeHead(404).end()
    if (behaviour.kind === 'status') return response.writeHead(behaviour.status).end('failure')
    if (behaviour.kind === 'text')
      return response.writeHead(200, { 'content-type': behaviour.contentType }).end(behaviour.text)
    if (behaviour.kind === 'slow') {
      const timer = setTimeout(() => response.end('<rss/>'), behaviour.delayMs)
      response.on('close', () => clearTimeout(timer))
      return response.writeHead(200, { 'content-type': 'application/rss+xml' })
    }
    if (behaviour.kind === 'endless') {
      // Sends 64 KiB chunks without a length until the client gives up (at most 64 MiB).
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      let sent = 0
      const pump = () => {
        while (sent < 1024 && !response.destroyed) {
          sent++
          if (!response.write(chunk)) return void response.once('drain', pump)
        }
        response.end()
      }
      response.write('<rss><channel><title>')
      return pump()
    }
    const isFresh =
      request.headers['if-none-match'] === behaviour.etag ||
      (!request.headers['if-none-match'] &&
        behaviour.lastModified !== undefined &&
        request.headers['if-modified-since'] === behaviour.lastModified)
    const validators = {
      etag: behaviour.etag,
      ...(behaviour.lastModified ? { 'last-modified': behaviour.lastModified } : {}),
    }
    if (isFresh) return response.writeHead(304, validators).end()
    response
      .writeHead(200, {
        ...validators,
        'content-type': behaviour.contentType ?? 'application/xml; charset=utf-8',
      })
      .end(fixture(behaviour.name))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, behaviour) => void behaviours.set(path, behaviour),
    requests: (path) => seen.get(path) ?? [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
