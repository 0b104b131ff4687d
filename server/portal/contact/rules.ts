export interface PostalAddress {
  address1: string | null
  address2: string | null
  city: string | null
  region: string | null
  postal_code: string | null
}

/** An address as the lines printed on an envelope, skipping what is not on file. */
export function addressLines(address: PostalAddress): string[] {
  const cityLine = [address.city, address.region].filter(Boolean).join(', ')
  const lastLine = [cityLine, address.postal_code].filter(Boolean).join('  ')
  return [address.address1, address.address2, lastLine].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  )
}

/** `09:00:00` from the database → `09:00`, which the browser formats for the reader's locale. */
export function hourMinute(time: string): string {
  return time.slice(0, 5)
}
