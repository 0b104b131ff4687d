import { describe, expect, it } from 'vitest'
import {
  base64DecodedLength,
  decodeCursor,
  encodeCursor,
  MAX_BODY_LENGTH,
  messageProblems,
  newMessageNotification,
  nextCursor,
  notifiesOnArrival,
  officeBoxDirection,
  patientAttachmentDecision,
  patientBoxDirection,
  replySubject,
  SYNC_NOTIFY_WINDOW_MS,
} from './rules.ts'

describe('WebMail rules', () => {
  it('puts what the practice sent in the patient inbox and what patients sent in the office one', () => {
    const boxes = ['inbox', 'sent'] as const
    expect(boxes.map(patientBoxDirection)).toEqual(['ToPatient', 'ToPractice'])
    expect(boxes.map(officeBoxDirection)).toEqual(['ToPractice', 'ToPatient'])
  })

  it('marks a reply once however long the thread', () => {
    expect(replySubject('Braces')).toBe('RE: Braces')
    expect(replySubject('RE: Braces')).toBe('RE: Braces')
    expect(replySubject('re:Braces')).toBe('re:Braces')
    expect(replySubject('x'.repeat(300))).toHaveLength(200)
  })

  it('asks for a subject and a body, and at most 10,000 characters of body', () => {
    expect(messageProblems({ subject: 'Hi', body: 'x'.repeat(MAX_BODY_LENGTH) })).toBeNull()
    expect(messageProblems({ subject: ' \n ', body: 'ok' })).toEqual({
      subject: 'Enter a subject.',
    })
    expect(messageProblems({ subject: 'Hi', body: '   ' })).toEqual({ body: 'Write a message.' })
    expect(
      messageProblems({ subject: 'Hi', body: 'x'.repeat(MAX_BODY_LENGTH + 1) }),
    ).toHaveProperty('body')
  })

  it('round-trips a cursor and refuses anything it did not make', () => {
    const cursor = { sentAt: new Date('2026-03-04T05:06:07.089Z'), id: 12345 }
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor)
    expect(decodeCursor(undefined)).toBeNull()
    expect(decodeCursor('1.0')).toBeNull()
    expect(decodeCursor('../etc')).toBeNull()
    expect(decodeCursor('zzzzzzzzzzzz.1')).toBeNull()
  })

  it('offers a next page only when the page is full', () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ sent_at: new Date(1_000_000 - i), id: 100 - i }))
    expect(nextCursor(rows(25), 25)).toBeNull()
    expect(decodeCursor(nextCursor(rows(26), 25) ?? '')).toEqual({
      sentAt: new Date(1_000_000 - 24),
      id: 76,
    })
  })

  it('lets patients attach images and PDFs only when allowed and within the limit', () => {
    const base = { allowed: true, maxBytes: 1000, size: 10, provenType: 'image/png' }
    expect(patientAttachmentDecision(base)).toBe('ok')
    expect(patientAttachmentDecision({ ...base, provenType: 'application/pdf' })).toBe('ok')
    expect(patientAttachmentDecision({ ...base, allowed: false })).toBe('not-allowed')
    expect(patientAttachmentDecision({ ...base, size: 1001 })).toBe('too-large')
    expect(patientAttachmentDecision({ ...base, size: 0 })).toBe('empty')
    expect(patientAttachmentDecision({ ...base, provenType: null })).toBe('wrong-type')
    expect(patientAttachmentDecision({ ...base, provenType: 'text/html' })).toBe('wrong-type')
  })

  it('tells of a new message with the practice’s words and the link only', () => {
    const email = newMessageNotification(
      { subject: 'You have a new message', body: 'Sign in to read it.' },
      'https://portal.example/',
    )
    expect(email).toEqual({
      subject: 'You have a new message',
      text: 'Sign in to read it.\n\nhttps://portal.example/\n',
    })
  })
})

describe('notifiesOnArrival', () => {
  const now = new Date('2026-05-10T12:00:00Z')
  const recent = new Date('2026-05-10T09:00:00Z')
  it('tells the family of a new, recent message from the practice', () => {
    expect(notifiesOnArrival({ direction: 'ToPatient', sentAt: recent, created: true }, now)).toBe(
      true,
    )
  })
  it('stays quiet for a replay or an edit, a patient message, or old history', () => {
    expect(notifiesOnArrival({ direction: 'ToPatient', sentAt: recent, created: false }, now)).toBe(
      false,
    )
    expect(notifiesOnArrival({ direction: 'ToPractice', sentAt: recent, created: true }, now)).toBe(
      false,
    )
    const old = new Date(now.getTime() - SYNC_NOTIFY_WINDOW_MS - 1)
    expect(notifiesOnArrival({ direction: 'ToPatient', sentAt: old, created: true }, now)).toBe(
      false,
    )
  })
})

describe('base64DecodedLength', () => {
  it('counts the bytes a base64 text holds, padding included', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 1000]) {
      const text = Buffer.alloc(size, 7).toString('base64')
      expect(base64DecodedLength(text)).toBe(size)
    }
  })
})
