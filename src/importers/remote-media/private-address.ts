import { BlockList, isIPv4, isIPv6 } from 'node:net'

/** Addresses that are not on the public internet: this machine, its networks, link-local, reserved. */
const NOT_PUBLIC = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6')

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 one (`::ffff:127.0.0.1`). */
function embeddedIpv4(address: string): string | undefined {
  return /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
}

/**
 * Whether an IP address is loopback, private, link-local, multicast or reserved (IPv4 and IPv6,
 * IPv4 written inside IPv6 included). Anything that is not an IP address counts as not public.
 */
export function isPrivateAddress(address: string): boolean {
  const inner = embeddedIpv4(address)
  if (inner) return NOT_PUBLIC.check(inner, 'ipv4')
  if (isIPv4(address)) return NOT_PUBLIC.check(address, 'ipv4')
  if (isIPv6(address)) return NOT_PUBLIC.check(address, 'ipv6')
  return true
}
