import type { Static } from 'typebox'
import type { MessageRow } from '../../practice/messages/queries.ts'
import { MESSAGES_PAGE_SIZE, nextCursor } from '../../practice/messages/rules.ts'
import { presentSummary, providerDisplayName } from '../../practice/messages/view.ts'
import type { OfficeBoxView } from './schemas.ts'

type Provider = { id: number; first_name: string; last_name: string; suffix: string | null }

export function presentOfficeBox(
  rows: MessageRow[],
  unread: { provider_id: number | null; n: string }[],
  providers: Provider[],
  practiceName: string,
): Static<typeof OfficeBoxView> {
  const count = (providerId: number | null) =>
    Number(unread.find((row) => row.provider_id === providerId)?.n ?? 0)
  return {
    messages: rows.slice(0, MESSAGES_PAGE_SIZE).map((row) => ({
      ...presentSummary(row, 'practice', practiceName),
      handled: row.handled_at !== null,
    })),
    next: nextCursor(rows, MESSAGES_PAGE_SIZE),
    inboxes: [
      { provider: null, unread: count(null) },
      ...providers.map((provider) => ({
        provider: { id: provider.id, name: providerDisplayName(provider) },
        unread: count(provider.id),
      })),
    ],
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
