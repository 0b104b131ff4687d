import type { Static } from 'typebox'
import type {
  ActivityView as ActivityViewSchema,
  SummariesView as SummariesViewSchema,
  TransmissionView as TransmissionViewSchema,
  TransmitAccepted as TransmitAcceptedSchema,
} from '../../../server/portal/summary/schemas.ts'

// The server's own address rule, so the field message before sending is the one the server
// would give; the server still checks (and its field errors are shown the same way).
export { addressProblem, type TransmitKind } from '../../../server/portal/summary/rules.ts'

export type SummariesView = Static<typeof SummariesViewSchema>
export type CareSummary = SummariesView['summaries'][number]
export type Transmission = Static<typeof TransmissionViewSchema>
export type TransmitAccepted = Static<typeof TransmitAcceptedSchema>
export type ActivityView = Static<typeof ActivityViewSchema>
export type ActivityEvent = ActivityView['events'][number]
export type DeliveryStatus = Transmission['status']

/** The downloads of a summary: the XDM package (zip) and the C-CDA XML alone. */
export type SummaryFormat = 'package' | 'xml'

/** The files of one summary: the readable page (for the sandboxed frame) and the downloads. */
export const summaryFilePath = (
  patientId: number,
  summaryId: number,
  what: 'html' | SummaryFormat,
) => `/api/portal/patients/${patientId}/summaries/${summaryId}/${what}`

/** Why a summary exists: made when a visit was completed, or asked for in the portal. */
export function reasonLabel(reason: CareSummary['reason']): string {
  return reason === 'visit' ? 'After a visit' : 'Requested'
}

/** What "Requested" and "After a visit" mean, for the list. */
export function reasonExplanation(reason: CareSummary['reason']): string {
  return reason === 'visit'
    ? 'After a visit: made automatically when a visit was completed.'
    : 'Requested: made when someone asked for it here in the portal.'
}

/** The dates a summary covers, in words; `day` writes a YYYY-MM-DD date in the reader's way. */
export function rangeLabel(
  range: { rangeFrom: string | null; rangeTo: string | null },
  day: (isoDate: string) => string,
): string {
  const { rangeFrom: from, rangeTo: to } = range
  if (from && to) return `Covers ${day(from)} to ${day(to)}`
  if (from) return `Covers ${day(from)} onwards`
  if (to) return `Covers everything up to ${day(to)}`
  return 'Covers everything on file'
}

/** How to reach the recipient, in words. */
export function kindLabel(kind: 'email' | 'direct'): string {
  return kind === 'direct' ? 'Direct address' : 'email address'
}

/** A delivery is final once sent, failed after its retries, or kept for the office. */
export function isFinal(status: DeliveryStatus): boolean {
  return status !== 'pending'
}

/** How often the transmission's status is asked for while it is pending. */
export const STATUS_POLL_MS = 1500

/** What the patient is told about one transmission, in a sentence. */
export function transmissionMessage(transmission: Pick<Transmission, 'status' | 'error' | 'to'>) {
  const { to } = transmission
  const error = transmission.error?.trim().replace(/\.+$/, '')
  switch (transmission.status) {
    case 'sent':
      return `Sent to ${to}.`
    case 'failed':
      return `Could not be sent to ${to}${error ? `: ${error}.` : '.'}`
    case 'stored':
      return `Not sent to ${to}: this portal has no mail server set up, so the message was kept for the office. Please contact the office.`
    case 'pending':
      return error
        ? `Not sent yet: ${error}. It will be tried again automatically; you can close this and check the activity history later.`
        : `Sending to ${to}…`
  }
}

/** The activity history's "what" for one event. */
export function activityWhat(event: Pick<ActivityEvent, 'kind' | 'format' | 'via'>): string {
  switch (event.kind) {
    case 'viewed':
      return 'Viewed'
    case 'downloaded':
      return event.format === 'package'
        ? 'Downloaded (zip: XML, HTML and PDF)'
        : event.format === 'xml'
          ? 'Downloaded (XML)'
          : 'Downloaded'
    case 'transmitted':
      return event.via === 'direct' ? 'Transmitted to a Direct address' : 'Transmitted by email'
  }
}

/** A transmission's delivery in a word or two: what became of it. */
export function deliveryLabel(status: DeliveryStatus | null): string {
  switch (status) {
    case 'sent':
      return 'Sent'
    case 'failed':
      return 'Failed'
    case 'stored':
      return 'Kept for the office'
    case 'pending':
      return 'Pending'
    default:
      return ''
  }
}

/** The file name in a `Content-Disposition` header, or `fallback`. */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '')
  return match?.[1] ?? fallback
}
