import type { Static } from 'typebox'
import type {
  BoxView as BoxViewSchema,
  MessageSummary as MessageSummarySchema,
  MessageView as MessageViewSchema,
  RecipientsView as RecipientsViewSchema,
} from '../../../server/portal/messages/schemas.ts'
import type { Translate } from '../../ui/i18n/i18n.tsx'

export type BoxView = Static<typeof BoxViewSchema>
export type MessageSummary = Static<typeof MessageSummarySchema>
export type Message = Static<typeof MessageViewSchema>
export type Recipients = Static<typeof RecipientsViewSchema>
export type Box = 'inbox' | 'sent'

export {
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  replySubject,
} from '../../../server/practice/messages/rules.ts'

export const MESSAGES_API = '/api/portal/messages'
export const messagesKey = ['portal', 'messages'] as const
export const unreadKey = ['portal', 'messages', 'unread'] as const

export const attachmentPath = (messageId: number, attachmentId: number) =>
  `${MESSAGES_API}/${messageId}/attachments/${attachmentId}`

/** What the Compose dialog holds; kept in the browser only, so a reload loses nothing. */
export interface Draft {
  /** `office` or a provider's id. */
  to: string
  regardingPatientId: number
  subject: string
  body: string
  inReplyToId?: number
}

const DRAFT_KEY = 'bitewing.message-draft'

/** The draft kept in this browser (never sent to the server until it is sent as a message). */
export function loadDraft(storage: Pick<Storage, 'getItem'>): Draft | null {
  try {
    const parsed = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null
    if (!parsed || typeof parsed.subject !== 'string' || typeof parsed.body !== 'string')
      return null
    if (typeof parsed.to !== 'string' || typeof parsed.regardingPatientId !== 'number') return null
    return {
      to: parsed.to,
      regardingPatientId: parsed.regardingPatientId,
      subject: parsed.subject,
      body: parsed.body,
      ...(typeof parsed.inReplyToId === 'number' ? { inReplyToId: parsed.inReplyToId } : {}),
    }
  } catch {
    return null
  }
}

export function saveDraft(storage: Pick<Storage, 'setItem'>, draft: Draft) {
  storage.setItem(DRAFT_KEY, JSON.stringify(draft))
}

export function clearDraft(storage: Pick<Storage, 'removeItem'>) {
  storage.removeItem(DRAFT_KEY)
}

/** The body the API takes from a draft. */
export function composeBody(draft: Draft) {
  return {
    regardingPatientId: draft.regardingPatientId,
    providerId: draft.to === 'office' ? null : Number(draft.to),
    subject: draft.subject,
    body: draft.body,
    ...(draft.inReplyToId ? { inReplyToId: draft.inReplyToId } : {}),
  }
}

/** A reply's draft: back to whom it came from, about the same patient, in the same thread. */
export function replyDraft(message: Message, replySubjectOf: (subject: string) => string): Draft {
  return {
    to: message.provider ? String(message.provider.id) : 'office',
    regardingPatientId: message.patient.id,
    subject: replySubjectOf(message.subject),
    body: '',
    inReplyToId: message.id,
  }
}

/** How a box line is read out: unread first, so a screen reader hears it before the rest. */
export function lineLabel(message: MessageSummary, box: Box, date: string, t: Translate) {
  const office = message.provider?.name ?? t('messages.theOffice')
  const who =
    box === 'inbox'
      ? t('messages.fromWho', { name: message.from })
      : t('messages.toWho', { name: office })
  const parts = [
    message.unread ? t('messages.unread') : null,
    message.kind === 'SecureEmail' ? t('messages.secureEmail') : null,
    who,
    message.subject,
    t('messages.regarding', { name: message.patient.name }),
    date,
    message.attachmentCount > 0
      ? t('messages.attachmentCount', { count: message.attachmentCount })
      : null,
  ]
  return parts.filter(Boolean).join(', ')
}

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
