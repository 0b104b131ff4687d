import { describe, expect, it } from 'vitest'
import { activityView } from './view.ts'

type ActivityRow = Parameters<typeof activityView>[0][number]

describe('activityView', () => {
  const row: ActivityRow = {
    id: 1,
    action: 'summary.transmitted',
    occurred_at: new Date('2026-02-03T15:00:00Z'),
    target_id: '7',
    details: { via: 'direct', emailId: 3 },
    actor_type: 'portal_user',
    actor_first_name: 'Maria',
    actor_last_name: 'Garcia',
    username: 'maria.garcia',
    staff_name: null,
    to_address: 'dr@direct.example.org',
    email_status: 'sent',
    email_error: null,
    email_id: 3,
  }

  it('says who did what to which summary, with where a transmission went', () => {
    const [event] = activityView([row], 'Maple Grove Dental').events
    expect(event).toMatchObject({
      kind: 'transmitted',
      summaryId: 7,
      by: 'Maria Garcia',
      to: 'dr@direct.example.org',
      via: 'direct',
    })
  })

  it('names the practice for staff and system acts, and leaves out unrelated actions', () => {
    const rows: ActivityRow[] = [
      { ...row, action: 'summary.viewed', actor_type: 'staff_user', staff_name: 'Dr. Lee' },
      { ...row, action: 'summary.downloaded', actor_type: 'system', staff_name: null },
      { ...row, action: 'appointments.viewed' },
    ]
    const events = activityView(rows, 'Maple Grove Dental').events
    expect(events.map((event) => [event.kind, event.by, event.to])).toEqual([
      ['viewed', 'Dr. Lee (Maple Grove Dental)', null],
      ['downloaded', 'Maple Grove Dental', null],
    ])
  })
})
