import { expect, it } from 'vitest'
import { isPrivateAddress } from './private-address.js'

it('refuses loopback, private, link-local and reserved addresses', () => {
  for (const address of [
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])
    expect(isPrivateAddress(address), address).toBe(true)
})

it('allows public addresses', () => {
  for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])
    expect(isPrivateAddress(address), address).toBe(false)
})
