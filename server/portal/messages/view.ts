import type { Static } from 'typebox'
import type { FamilyMember, PortalContext } from '../../platform/auth/portal-guard.ts'
import type { FullMessageRow, MessageRow } from '../../practice/messages/queries.ts'
import { MESSAGES_PAGE_SIZE, nextCursor } from '../../practice/messages/rules.ts'
import {
  presentMessage,
  presentSummary,
  providerDisplayName,
} from '../../practice/messages/view.ts'
import type { RecipientsView } from './schemas.ts'

/** A page of the family's box: the lines (one less than read), the next page's cursor, unread. */
export function presentFamilyBox(rows: MessageRow[], unread: number, practiceName: string) {
  return {
    messages: rows
      .slice(0, MESSAGES_PAGE_SIZE)
      .map((row) => presentSummary(row, 'patient', practiceName)),
    next: nextCursor(rows, MESSAGES_PAGE_SIZE),
    unread,
  }
}

export function presentFamilyMessage(
  opened: { row: FullMessageRow; attachments: Parameters<typeof presentMessage>[1] },
  practiceName: string,
) {
  return presentMessage(opened.row, opened.attachments, 'patient', practiceName)
}

const memberName = (member: FamilyMember) =>
  `${member.preferred_name || member.first_name} ${member.last_name}`

export function presentRecipients(
  context: PortalContext,
  providers: { id: number; first_name: string | null; last_name: string; suffix: string | null }[],
  attachments: { allowed: boolean; maxBytes: number },
): Static<typeof RecipientsView> {
  return {
    providers: providers.map((provider) => ({
      id: provider.id,
      name: providerDisplayName(provider),
    })),
    regarding: context.family.map((member) => ({ id: member.id, name: memberName(member) })),
    office: context.practice.name,
    attachmentsAllowed: attachments.allowed,
    attachmentMaxBytes: attachments.allowed ? attachments.maxBytes : 0,
  }
}
