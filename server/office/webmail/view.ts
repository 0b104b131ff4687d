import type { Static } from 'typebox'
import type { AttachmentRow } from '../../practice/messages/attachment-queries.ts'
import type { FullMessageRow, MessageRow } from '../../practice/messages/queries.ts'
import { MESSAGES_PAGE_SIZE, nextCursor } from '../../practice/messages/rules.ts'
import {
  presentMessage,
  presentSummary,
  providerDisplayName,
} from '../../practice/messages/view.ts'
import type { OfficeBoxView, OfficeMessageView } from './schemas.ts'

/** The colleague a patient's message is assigned to, or null. */
function assigneeOf(row: { assigned_staff_id: number | null; assignee_name: string | null }) {
  return row.assigned_staff_id === null
    ? null
    : { id: row.assigned_staff_id, name: row.assignee_name ?? '' }
}

export function presentOfficeMessage(
  row: FullMessageRow,
  attachments: readonly AttachmentRow[],
  practiceName: string,
): Static<typeof OfficeMessageView> {
  return {
    ...presentMessage(row, attachments, 'practice', practiceName),
    assignee: assigneeOf(row),
  }
}

type Provider = { id: number; first_name: string; last_name: string; suffix: string | null }

export function presentOfficeBox(
  rows: MessageRow[],
  unread: { provider_id: number | null; n: string }[],
  providers: Provider[],
  colleagues: { id: number; display_name: string }[],
  practiceName: string,
): Static<typeof OfficeBoxView> {
  const count = (providerId: number | null) =>
    Number(unread.find((row) => row.provider_id === providerId)?.n ?? 0)
  return {
    messages: rows.slice(0, MESSAGES_PAGE_SIZE).map((row) => ({
      ...presentSummary(row, 'practice', practiceName),
      handled: row.handled_at !== null,
      assignee: assigneeOf(row),
    })),
    next: nextCursor(rows, MESSAGES_PAGE_SIZE),
    inboxes: [
      { provider: null, unread: count(null) },
      ...providers.map((provider) => ({
        provider: { id: provider.id, name: providerDisplayName(provider) },
        unread: count(provider.id),
      })),
    ],
    colleagues: colleagues.map((colleague) => ({ id: colleague.id, name: colleague.display_name })),
  }
}

export function presentPatientChoices(
  rows: { id: number; first_name: string; last_name: string; birthdate: string | Date | null }[],
) {
  return rows.map((row) => ({
    id: row.id,
    name: `${row.first_name} ${row.last_name}`,
    birthdate:
      row.birthdate === null
        ? null
        : typeof row.birthdate === 'string'
          ? row.birthdate.slice(0, 10)
          : row.birthdate.toISOString().slice(0, 10),
  }))
}
