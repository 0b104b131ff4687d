import type { Static } from 'typebox'
import type * as schemas from '../../../server/portal/messages/schemas.ts'
import type { Translate } from '../../ui/i18n/i18n.tsx'

export type BoxView = Static<typeof schemas.BoxView>
export type MessageSummary = Static<typeof schemas.MessageSummary>
export type Message = Static<typeof schemas.MessageView>
export type Recipients = Static<typeof schemas.RecipientsView>
export type Box = 'inbox' | 'sent'

export {
  MAX_BODY_LENGTH,
  MAX_PATIENT_ATTACHMENTS,
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

const DRAFT_PREFIX = 'bitewing.message-draft:'

/**
 * Where a user's draft is kept: the tab's sessionStorage under their user name, so it survives a
 * reload but never reaches the next person who signs in on this browser (signing out forgets
 * every draft: `forgetDrafts`).
 */
export function draftStore(storage: Storage, username: string) {
  const key = DRAFT_PREFIX + username
  return {
    load: () => parseDraft(storage.getItem(key)),
    save: (draft: Draft) => storage.setItem(key, JSON.stringify(draft)),
    clear: () => storage.removeItem(key),
  }
}
export type DraftStore = ReturnType<typeof draftStore>

/** Forgets every draft kept in this tab (sign-out, the idle time-out, a session that ended). */
export function forgetDrafts(storage: Storage) {
  for (let index = storage.length - 1; index >= 0; index--) {
    const key = storage.key(index)
    if (key?.startsWith(DRAFT_PREFIX)) storage.removeItem(key)
  }
}

/** A stored draft, or null when there is none or it is not one. */
export function parseDraft(stored: string | null): Draft | null {
  try {
    const parsed = JSON.parse(stored ?? 'null') as Partial<Draft> | null
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

/** The body the API takes from a draft. */
export function composeBody(draft: Draft, files: readonly ChosenFile[] = []) {
  return {
    regardingPatientId: draft.regardingPatientId,
    providerId: draft.to === 'office' ? null : Number(draft.to),
    subject: draft.subject,
    body: draft.body,
    ...(draft.inReplyToId ? { inReplyToId: draft.inReplyToId } : {}),
    ...(files.length > 0
      ? {
          attachments: files.map(({ fileName, contentBase64 }) => ({ fileName, contentBase64 })),
        }
      : {}),
  }
}

/** A file chosen to attach: kept in the dialog only (never in the draft's storage). */
export interface ChosenFile {
  /** Tells two files of the same name apart in the list. */
  key: number
  fileName: string
  size: number
  contentBase64: string
}

let chosenCount = 0

/** Reads a chosen file's bytes as base64 for the message's JSON body. */
export async function readChosenFile(file: File): Promise<ChosenFile> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  chosenCount += 1
  return { key: chosenCount, fileName: file.name, size: file.size, contentBase64: btoa(binary) }
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
