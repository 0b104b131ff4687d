import { describe, expect, it } from 'vitest'
import { presentOutgoingEmail } from './view.ts'

describe('an email in Outgoing email', () => {
  it('shows what was sent with instants in ISO form and no secret', () => {
    const createdAt = new Date('2026-03-10T15:00:00Z')
    const shown = presentOutgoingEmail({
      id: 4,
      kind: 'access-invitation',
      to_address: 'ana@example.test',
      subject: 'Your portal',
      text_body: 'One-time password: [hidden]',
      status: 'stored',
      error: null,
      created_at: createdAt,
      sent_at: null,
      carries_secret: true,
    })
    expect(shown).toEqual({
      id: 4,
      kind: 'access-invitation',
      to: 'ana@example.test',
      subject: 'Your portal',
      text: 'One-time password: [hidden]',
      carriesSecret: true,
      status: 'stored',
      error: null,
      createdAt: '2026-03-10T15:00:00.000Z',
      sentAt: null,
    })
  })
})
