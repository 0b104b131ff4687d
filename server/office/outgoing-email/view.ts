import type { Static } from 'typebox'
import type { listOutgoingEmails } from './queries.ts'
import type { OutgoingEmailView } from './schemas.ts'

type OutgoingEmailRow = Awaited<ReturnType<typeof listOutgoingEmails>>[number]

/** An email as Outgoing email shows it; its text already has HIDDEN_SECRET for any secret. */
export function presentOutgoingEmail(row: OutgoingEmailRow): Static<typeof OutgoingEmailView> {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    carriesSecret: row.carries_secret,
    status: row.status,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  }
}
