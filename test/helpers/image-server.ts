import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { makeImage, withIptc } from './images.js'

export interface ImageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Paths asked for, in order. */
  requested: string[]
  close: () => Promise<void>
}

/**
 * An old site's uploads on 127.0.0.1: a small real picture (by sharp) at any `.jpg`, `.png` or
 * `.gif` path, each of its own colour; `missing` paths answer 404, `oversized` ones a body of
 * `oversizedBytes`, and `credits` give a JPEG an IPTC credit.
 */
export async function startImageServer(options: {
  missing?: string[]
  oversized?: string[]
  oversizedBytes?: number
  credits?: Record<string, string>
}): Promise<ImageServer> {
  const requested: string[] = []
  const made = new Map<string, Promise<Buffer>>()
  const picture = (path: string) => {
    const format = path.endsWith('.gif') ? 'gif' : path.endsWith('.png') ? 'png' : 'jpeg'
    const color = `#${(0x102030 + made.size * 0x050403).toString(16).slice(-6)}`
    const credit = options.credits?.[path]
    return makeImage(format, { width: 120, height: 80, color }).then((bytes) =>
      credit ? withIptc(bytes, { credit }) : bytes,
    )
  }
  const server = createServer((request, response) => {
    const path = decodeURI(new URL(request.url ?? '/', 'http://x').pathname)
    requested.push(path)
    if (options.missing?.includes(path) || !/\.(jpe?g|png|gif)$/i.test(path)) {
      response.writeHead(404).end('not found')
      return
    }
    if (options.oversized?.includes(path)) {
      response.writeHead(200, { 'content-type': 'image/jpeg' })
      response.end(Buffer.alloc(options.oversizedBytes ?? 1_000_000, 1))
      return
    }
    if (!made.has(path)) made.set(path, picture(path))
    made
      .get(path)
      ?.then((bytes) => response.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes))
      .catch(() => response.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  }
}
