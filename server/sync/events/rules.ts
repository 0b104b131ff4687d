import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header a webhook POST carries its signature in. */
export const SIGNATURE_HEADER = 'bitewing-signature'
/** How old a signed timestamp a receiver should still accept (replays beyond it are refused). */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body,
 * so a captured request cannot be replayed later with a fresh timestamp.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`
}

/**
 * What a receiver does (docs/sync-api.md shows it): recompute the HMAC over the timestamp and the
 * raw body, compare in constant time, refuse a timestamp outside the tolerance.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => {
      const [key = '', ...rest] = part.trim().split('=')
      return [key, rest.join('=')] as const
    }),
  )
  const timestamp = Number(parts.get('t'))
  const given = parts.get('v1') ?? ''
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false
  return timingSafeEqual(
    Buffer.from(given, 'hex'),
    Buffer.from(hmac(secret, timestamp, body), 'hex'),
  )
}

function hmac(secret: string, timestamp: number, body: string) {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

/**
 * Why a webhook address is refused, or undefined. Only http(s); no user name or password in it,
 * since the address is shown back and logged where a secret must not be.
 */
export function webhookUrlProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'Give a full address such as https://pms.example.com/bitewing/events.'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'The address must start with https:// (or http://).'
  }
  if (parsed.username || parsed.password) {
    return 'Put no user name or password in the address; the signature authenticates the call.'
  }
  return undefined
}

/**
 * A page of the feed from up to `limit + 1` rows read after `after`: the extra row only says that
 * more wait. `next` is the last delivered event, or the cursor asked with when nothing is new, so a
 * PMS can always ask again with `after=next`.
 */
export function feedPage<T extends { id: string }>(rows: T[], limit: number, after?: string) {
  const events = rows.slice(0, limit)
  return {
    events,
    next: events.at(-1)?.id ?? after ?? null,
    hasMore: rows.length > limit,
  }
}

/** Acknowledged events older than this are deleted; unacknowledged ones are kept however old. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 86_400_000)
}
