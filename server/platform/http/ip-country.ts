import fs from 'node:fs'
import { createRequire } from 'node:module'
import { BlockList, isIP } from 'node:net'
import { Reader, type Response } from 'mmdb-lib'

/**
 * The country an address is registered in (ISO 3166 code), for "approximately where" on the
 * Security page: the CC0 geo-whois-asn-country database from the npm registry, read on first
 * use (8 MB) so a server whose patients never open Security never holds it. Private and
 * loopback addresses, and addresses the database does not know, have none.
 */
export type CountryOf = (ip: string | null) => string | null

let reader: Reader<Response> | undefined

/** Addresses that name no place: private, loopback, link-local, shared (the database has some). */
const NOWHERE = new BlockList()
for (const [network, prefix] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
] as const) {
  NOWHERE.addSubnet(network, prefix, 'ipv4')
}
NOWHERE.addSubnet('fc00::', 7, 'ipv6')
NOWHERE.addSubnet('fe80::', 10, 'ipv6')
NOWHERE.addAddress('::1', 'ipv6')

function database() {
  if (!reader) {
    const file = createRequire(import.meta.url).resolve(
      '@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb',
    )
    reader = new Reader(fs.readFileSync(file))
  }
  return reader
}

export const countryOf: CountryOf = (ip) => {
  // The reader reads any text as some address ("not an address" is in Australia).
  const family = ip ? isIP(ip) : 0
  if (!ip || family === 0 || NOWHERE.check(ip, family === 4 ? 'ipv4' : 'ipv6')) return null
  try {
    const found = database().get(ip) as { country_code?: unknown } | null
    const code = found?.country_code
    return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : null
  } catch {
    // Not an address the reader can parse (a proxy's odd header): no country rather than a 500.
    return null
  }
}
