import type { Static } from 'typebox'
import { addressProblem, type TransmitKind } from '../../../server/portal/summary/rules.ts'
import type * as schemas from '../../../server/portal/summary/schemas.ts'
import type { MessageId, Translate } from '../../ui/i18n/i18n.tsx'

export type { TransmitKind } from '../../../server/portal/summary/rules.ts'

/**
 * The field message for a recipient address, or undefined when it is usable: the server's own
 * rule, so the browser refuses what the server would (the server still checks, and its field
 * errors come in the request's language too).
 */
export function addressMessage(to: string, kind: TransmitKind, t: Translate): string | undefined {
  if (addressProblem(to, kind) === undefined) return undefined
  return to.trim() === ''
    ? t('transmit.enterAddress', { kind })
    : t('transmit.addressLike', { kind })
}

export type SummariesView = Static<typeof schemas.SummariesView>
export type CareSummary = SummariesView['summaries'][number]
export type Transmission = Static<typeof schemas.TransmissionView>
export type TransmitAccepted = Static<typeof schemas.TransmitAccepted>
export type ActivityView = Static<typeof schemas.ActivityView>
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
export function reasonLabel(reason: CareSummary['reason']): MessageId {
  return reason === 'visit' ? 'summary.reasonVisit' : 'summary.reasonRequested'
}

/** What "Requested" and "After a visit" mean, for the list. */
export function reasonExplanation(reason: CareSummary['reason']): MessageId {
  return reason === 'visit' ? 'summary.reasonVisitExplained' : 'summary.reasonRequestedExplained'
}

/** The dates a summary covers, in words; `day` writes a YYYY-MM-DD date in the reader's way. */
export function rangeLabel(
  range: { rangeFrom: string | null; rangeTo: string | null },
  day: (isoDate: string) => string,
  t: Translate,
): string {
  const { rangeFrom: from, rangeTo: to } = range
  if (from && to) return t('summary.coversRange', { from: day(from), to: day(to) })
  if (from) return t('summary.coversFrom', { from: day(from) })
  if (to) return t('summary.coversTo', { to: day(to) })
  return t('summary.coversAll')
}

/** A delivery is final once sent, failed after its retries, or kept for the office. */
export function isFinal(status: DeliveryStatus): boolean {
  return status !== 'pending'
}

/** How often the transmission's status is asked for while it is pending. */
export const STATUS_POLL_MS = 1500

/** What the patient is told about one transmission, in a sentence. */
export function transmissionMessage(
  transmission: Pick<Transmission, 'status' | 'error' | 'to'>,
  t: Translate,
) {
  const { to } = transmission
  // The mail server's own words (they come from outside, in its language).
  const error = transmission.error?.trim().replace(/\.+$/, '')
  switch (transmission.status) {
    case 'sent':
      return t('transmit.sent', { to })
    case 'failed':
      return error ? t('transmit.failedBecause', { to, error }) : t('transmit.failed', { to })
    case 'stored':
      return t('transmit.stored', { to })
    case 'pending':
      return error ? t('transmit.retrying', { error }) : t('transmit.sending', { to })
  }
}

/** The activity history's "what" for one event. */
export function activityWhat(event: Pick<ActivityEvent, 'kind' | 'format' | 'via'>): MessageId {
  switch (event.kind) {
    case 'viewed':
      return 'activity.viewed'
    case 'downloaded':
      return event.format === 'package'
        ? 'activity.downloadedZip'
        : event.format === 'xml'
          ? 'activity.downloadedXml'
          : 'activity.downloaded'
    case 'transmitted':
      return event.via === 'direct' ? 'activity.transmittedDirect' : 'activity.transmittedEmail'
  }
}

/** A transmission's delivery in a word or two: what became of it. */
export function deliveryLabel(status: DeliveryStatus | null): MessageId | undefined {
  switch (status) {
    case 'sent':
      return 'delivery.sent'
    case 'failed':
      return 'delivery.failed'
    case 'stored':
      return 'delivery.stored'
    case 'pending':
      return 'delivery.pending'
    default:
      return undefined
  }
}

/** The file name in a `Content-Disposition` header, or `fallback`. */
export function fileNameFrom(contentDisposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '')
  return match?.[1] ?? fallback
}
