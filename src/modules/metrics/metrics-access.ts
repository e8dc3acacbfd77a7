import { createHash, timingSafeEqual } from 'node:crypto'
import { BlockList, isIPv4 } from 'node:net'

/** Decides who may read /metrics: an allowed address, or the bearer of the configured token. */
export interface MetricsAccess {
  isAllowed(request: { ip: string; authorization: string | undefined }): boolean
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is checked as `10.0.0.1`. */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  return mapped?.[1] ?? ip
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

export function createMetricsAccess(options: {
  allow: readonly string[]
  token: string | undefined
}): MetricsAccess {
  const allowed = new BlockList()
  for (const entry of options.allow) {
    const [address = '', prefix] = entry.split('/')
    const family = isIPv4(address) ? 'ipv4' : 'ipv6'
    if (prefix === undefined) allowed.addAddress(address, family)
    else allowed.addSubnet(address, Number(prefix), family)
  }
  const expected = options.token === undefined ? undefined : digest(options.token)
  return {
    isAllowed({ ip, authorization }) {
      const address = plainAddress(ip)
      if (allowed.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')) return true
      const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1]
      // Compared as digests, in constant time: the token's length or prefix leaks nothing.
      return (
        expected !== undefined &&
        presented !== undefined &&
        timingSafeEqual(digest(presented), expected)
      )
    },
  }
}
