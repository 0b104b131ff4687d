import type { Static } from 'typebox'
import type { findTransmission, listCareSummaries, listSummaryActivity } from './queries.ts'
import { activityKind, transmissionStatus } from './rules.ts'
import type { ActivityView, SummaryItem, TransmissionView } from './schemas.ts'

type SummaryRow = Awaited<ReturnType<typeof listCareSummaries>>[number]
type ActivityRow = Awaited<ReturnType<typeof listSummaryActivity>>[number]
type TransmissionRow = NonNullable<Awaited<ReturnType<typeof findTransmission>>>

const reasonOf = (reason: string): 'visit' | 'on_demand' =>
  reason === 'visit' ? 'visit' : 'on_demand'
const viaOf = (value: unknown): 'email' | 'direct' => (value === 'direct' ? 'direct' : 'email')

// PGlite and pg hand jsonb back parsed; text would mean it was stored as a JSON string.
function parseDetails(details: unknown): Record<string, unknown> {
  if (typeof details === 'string') return JSON.parse(details) as Record<string, unknown>
  return (details ?? {}) as Record<string, unknown>
}

export function summaryItemView(
  row: Pick<SummaryRow, 'id' | 'effective_at' | 'reason' | 'range_from' | 'range_to'>,
): Static<typeof SummaryItem> {
  return {
    id: row.id,
    effectiveAt: row.effective_at.toISOString(),
    reason: reasonOf(row.reason),
    rangeFrom: row.range_from,
    rangeTo: row.range_to,
  }
}

/** The range a summary covers, as the audit log records it with every act on the summary. */
export function rangeDetails(row: { range_from: string | null; range_to: string | null }) {
  return { rangeFrom: row.range_from, rangeTo: row.range_to }
}

const dateOrNull = (value: unknown) => (typeof value === 'string' ? value : null)

/** One transmission as the patient follows it: where it went, how, and how it is going. */
export function transmissionView(row: TransmissionRow): Static<typeof TransmissionView> {
  const details = parseDetails(row.details)
  return {
    id: row.id,
    summaryId: row.target_id ? Number(row.target_id) : null,
    to: row.to_address,
    kind: viaOf(details.via),
    status: transmissionStatus(row.status),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  }
}

/** The history of the patient's summaries: who viewed, downloaded or sent which, and when. */
export function activityView(
  rows: readonly ActivityRow[],
  practiceName: string,
): Static<typeof ActivityView> {
  return {
    events: rows.flatMap((row) => {
      const kind = activityKind(row.action)
      if (!kind) return []
      const details = parseDetails(row.details)
      const person = [row.actor_first_name, row.actor_last_name].filter(Boolean).join(' ')
      const transmitted = kind === 'transmitted'
      return [
        {
          id: row.id,
          kind,
          at: row.occurred_at.toISOString(),
          summaryId: row.target_id ? Number(row.target_id) : null,
          format: typeof details.format === 'string' ? details.format : null,
          rangeFrom: dateOrNull(details.rangeFrom),
          rangeTo: dateOrNull(details.rangeTo),
          by:
            row.actor_type === 'portal_user'
              ? person || row.username || 'A portal user'
              : row.staff_name
                ? `${row.staff_name} (${practiceName})`
                : practiceName,
          to: transmitted ? (row.to_address ?? null) : null,
          via: transmitted ? viaOf(details.via) : null,
          status: transmitted && row.email_status ? transmissionStatus(row.email_status) : null,
          error: transmitted ? (row.email_error ?? null) : null,
        },
      ]
    }),
  }
}
