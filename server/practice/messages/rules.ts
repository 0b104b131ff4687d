/**
 * Secure WebMail's pure decisions, shared by the portal, the office console and the web client
 * where the wording or the limits must match (SPEC: Messages).
 */

export const MAX_SUBJECT_LENGTH = 200
/** Plain text only; nothing anyone writes is ever interpreted as HTML. */
export const MAX_BODY_LENGTH = 10_000
export const MESSAGES_PAGE_SIZE = 25

export type Box = 'inbox' | 'sent'
export type Direction = 'ToPractice' | 'ToPatient'

/** The patient's Inbox holds what the practice sent; Sent what the family wrote. */
export function patientBoxDirection(box: Box): Direction {
  return box === 'inbox' ? 'ToPatient' : 'ToPractice'
}

/** The office's inbox holds what patients wrote; its Sent what the practice sent. */
export function officeBoxDirection(box: Box): Direction {
  return box === 'inbox' ? 'ToPractice' : 'ToPatient'
}

/** A reply's subject: the original's, marked once as a reply however long the thread. */
export function replySubject(subject: string): string {
  const trimmed = subject.trim()
  const reply = /^re:\s*/i.test(trimmed) ? trimmed : `RE: ${trimmed}`
  return reply.slice(0, MAX_SUBJECT_LENGTH)
}

/** Subject and body as stored: trimmed; a subject holds no line breaks. */
export function cleanMessageText(input: { subject: string; body: string }) {
  return {
    subject: input.subject.replace(/\s+/g, ' ').trim(),
    body: input.body.replace(/\r\n?/g, '\n').trim(),
  }
}

/** Which field is wrong, in words for the form, or null when the message can be sent. */
export function messageProblems(input: {
  subject: string
  body: string
}): Record<string, string> | null {
  const { subject, body } = cleanMessageText(input)
  const problems: Record<string, string> = {}
  if (subject.length === 0) problems.subject = 'Enter a subject.'
  else if (subject.length > MAX_SUBJECT_LENGTH)
    problems.subject = `Keep the subject under ${MAX_SUBJECT_LENGTH} characters.`
  if (body.length === 0) problems.body = 'Write a message.'
  else if (body.length > MAX_BODY_LENGTH)
    problems.body = `Keep the message under ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters.`
  return Object.keys(problems).length === 0 ? null : problems
}

/** A position in a box, newest first: the last message shown (its time and id). */
export interface BoxCursor {
  sentAt: Date
  id: number
}

/** The opaque `before` of the next page: not a page number, so new mail never shifts a page. */
export function encodeCursor(cursor: BoxCursor): string {
  return `${cursor.sentAt.getTime().toString(36)}.${cursor.id.toString(36)}`
}

/** The cursor a client sent back, or null when it is not one we made. */
export function decodeCursor(text: string | undefined): BoxCursor | null {
  if (!text) return null
  const match = /^([0-9a-z]{1,12})\.([0-9a-z]{1,12})$/.exec(text)
  if (!match) return null
  const time = Number.parseInt(match[1] ?? '', 36)
  const id = Number.parseInt(match[2] ?? '', 36)
  if (!Number.isSafeInteger(time) || !Number.isSafeInteger(id) || id < 1) return null
  return { sentAt: new Date(time), id }
}

/** The page a client asked for: from the top, or from its cursor; a cursor we did not make is refused. */
export function pageStart(before: string | undefined): BoxCursor | null | 'invalid' {
  if (before === undefined || before === '') return null
  return decodeCursor(before) ?? 'invalid'
}

/** The next page's cursor: when the page is full, the last message on it. */
export function nextCursor(
  rows: readonly { sent_at: Date; id: number }[],
  pageSize: number,
): string | null {
  const last = rows[pageSize - 1]
  return rows.length > pageSize && last ? encodeCursor({ sentAt: last.sent_at, id: last.id }) : null
}

/** What an attachment may be, as its bytes prove it: images and PDFs. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'application/pdf'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

/** The most files a patient attaches to one message. */
export const MAX_PATIENT_ATTACHMENTS = 3
/** The largest per-file limit Portal Settings may set for patients' attachments (10 MB). */
export const PATIENT_ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024

export type AttachmentDecision = 'ok' | 'not-allowed' | 'too-large' | 'wrong-type' | 'empty'

/**
 * Whether a patient may attach a file: only when Portal Settings allow it, within the size limit,
 * and only images or PDFs as the bytes prove (`provenType`), whatever the file's name claims.
 */
export function patientAttachmentDecision(input: {
  allowed: boolean
  maxBytes: number
  size: number
  provenType: string | null
}): AttachmentDecision {
  if (!input.allowed) return 'not-allowed'
  if (input.size === 0) return 'empty'
  if (input.size > input.maxBytes) return 'too-large'
  if (!input.provenType || !(ATTACHMENT_TYPES as readonly string[]).includes(input.provenType))
    return 'wrong-type'
  return 'ok'
}

/** What a patient is told when a file is refused (the form shows it by the file). */
export function attachmentProblem(
  decision: Exclude<AttachmentDecision, 'ok'>,
  maxBytes: number,
): string {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10
  switch (decision) {
    case 'not-allowed':
      return 'The practice does not accept attachments.'
    case 'empty':
      return 'The file is empty.'
    case 'too-large':
      return `Attach a file up to ${megabytes} MB.`
    case 'wrong-type':
      return 'Attach an image (PNG, JPEG, GIF) or a PDF.'
  }
}

/**
 * The email telling a patient of a new message: the practice's Portal Settings subject and text
 * and the portal's address, nothing of the message (not its subject, body, sender or provider).
 */
export function newMessageNotification(
  settings: { subject: string; body: string },
  portalUrl: string,
) {
  return {
    subject: settings.subject.trim() || 'You have a new message',
    text: `${settings.body.trim()}\n\n${portalUrl}\n`,
  }
}

/** How recent a message the PMS sends must be for its arrival to notify the family. */
export const SYNC_NOTIFY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000

/**
 * Whether a message from the practice that arrives through the sync API tells the family by
 * email: only a new one, to the patient, sent recently. Loading years of WebMail history into a
 * new portal must not send every family an email per old message.
 */
export function notifiesOnArrival(
  message: { direction: Direction; sentAt: Date; created: boolean },
  now: Date,
): boolean {
  if (!message.created || message.direction !== 'ToPatient') return false
  return now.getTime() - message.sentAt.getTime() <= SYNC_NOTIFY_WINDOW_MS
}

/** How many bytes a base64 text decodes to, without decoding it. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding)
}
