import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A stand-in for Varnish's purge endpoint that keeps the `xkey` header of each PURGE. */
export interface RecordingEdge {
  url: string
  /** The tags of each PURGE received, in order. */
  purges: string[]
  /** The status the next PURGEs answer (200 unless a test breaks the edge). */
  answer: { status: number }
  close(): Promise<void>
}

/** Listens on a loopback port (`port`, or any free one). */
export async function startRecordingEdge(port = 0): Promise<RecordingEdge> {
  const purges: string[] = []
  const answer = { status: 200 }
  const server = createServer((request, response) => {
    if (request.method === 'PURGE') purges.push(String(request.headers['xkey'] ?? ''))
    response.statusCode = request.method === 'PURGE' ? answer.status : 405
    // A connection per purge: a kept-alive one the server times out between two purges would
    // make a purge fail for another reason than the answer a test set.
    response.setHeader('connection', 'close')
    response.end()
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    purges,
    answer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
