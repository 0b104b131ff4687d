/** Pure decisions for care summaries: addresses, file names, what the patient is shown. */

// One @, a dotted domain with a top-level label, no spaces or angle brackets, within RFC 5321's
// length limits. Deliberately plain: the mail server is the final judge; this catches typos.
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/

export type TransmitKind = 'email' | 'direct'

/** The field message for a recipient address, or undefined when it is usable. */
export function addressProblem(to: string, kind: TransmitKind): string | undefined {
  const address = to.trim()
  const what = kind === 'direct' ? 'a Direct address' : 'an email address'
  if (address === '') return `Enter ${what}.`
  if (address.length > 254 || !ADDRESS.test(address) || address.includes('..')) {
    return `Enter ${what} like name@example.org.`
  }
  const local = address.slice(0, address.lastIndexOf('@'))
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.')) {
    return `Enter ${what} like name@example.org.`
  }
  return undefined
}

/** The field message when a summary's date range cannot be made, or undefined. */
export function rangeProblem(range: {
  from?: string | null | undefined
  to?: string | null | undefined
}): Record<string, string> | undefined {
  if (range.from && range.to && range.from > range.to) {
    return { to: 'The end date must be on or after the start date.' }
  }
  return undefined
}

/** `care-summary-2025-03-14`: the date in the practice's zone, no names (file names travel). */
export function summaryFileBase(effectiveAt: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(effectiveAt)
  return `care-summary-${parts}`
}

/** What the patient sees of an email's delivery: pending while it is queued or being retried. */
export function transmissionStatus(status: string): 'pending' | 'sent' | 'failed' | 'stored' {
  if (status === 'sent' || status === 'failed' || status === 'stored') return status
  return 'pending'
}

export type SummaryActivityKind = 'viewed' | 'downloaded' | 'transmitted'

export function activityKind(action: string): SummaryActivityKind | undefined {
  if (action === 'summary.viewed') return 'viewed'
  if (action === 'summary.downloaded') return 'downloaded'
  if (action === 'summary.transmitted') return 'transmitted'
  return undefined
}
