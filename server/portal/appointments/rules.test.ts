import { describe, expect, it } from 'vitest'
import { confirmDecision, isUpcoming, needsConfirmation, recallNeedsScheduling } from './rules.ts'

const now = new Date('2026-05-01T12:00:00Z')
const tomorrow = new Date('2026-05-02T09:00:00Z')
const yesterday = new Date('2026-04-30T09:00:00Z')
const scheduled = {
  status: 'Scheduled' as const,
  confirmation: 'AwaitingConfirmation' as const,
  startsAt: tomorrow,
}

describe('appointments', () => {
  it('counts only scheduled appointments from now on as upcoming', () => {
    expect(isUpcoming(scheduled, now)).toBe(true)
    expect(isUpcoming({ ...scheduled, startsAt: yesterday }, now)).toBe(false)
    expect(isUpcoming({ ...scheduled, status: 'Broken' }, now)).toBe(false)
    expect(isUpcoming({ ...scheduled, status: 'UnschedList' }, now)).toBe(false)
  })

  it('asks for confirmation only on upcoming appointments awaiting it', () => {
    expect(needsConfirmation(scheduled, now)).toBe(true)
    expect(needsConfirmation({ ...scheduled, confirmation: 'Confirmed' }, now)).toBe(false)
    expect(needsConfirmation({ ...scheduled, startsAt: yesterday }, now)).toBe(false)
  })

  it('confirms once, harmlessly twice, and never in the past', () => {
    expect(confirmDecision(scheduled, now)).toBe('confirm')
    expect(confirmDecision({ ...scheduled, confirmation: 'Confirmed' }, now)).toBe(
      'already-confirmed',
    )
    expect(confirmDecision({ ...scheduled, startsAt: yesterday }, now)).toBe('not-upcoming')
    expect(confirmDecision({ ...scheduled, status: 'Broken' }, now)).toBe('not-upcoming')
  })
})

describe('Web Sched recalls', () => {
  const invited = {
    status: 'Invited' as const,
    invitedAt: yesterday,
    webSchedEnabled: true,
    scheduledAppointmentId: null,
  }

  it('needs scheduling when invited and nothing is booked', () => {
    expect(recallNeedsScheduling(invited)).toBe(true)
    expect(recallNeedsScheduling({ ...invited, status: 'Due' })).toBe(true)
  })

  it('does not when not invited, already scheduled or Web Sched is off', () => {
    expect(recallNeedsScheduling({ ...invited, status: 'Due', invitedAt: null })).toBe(false)
    expect(recallNeedsScheduling({ ...invited, scheduledAppointmentId: 5 })).toBe(false)
    expect(recallNeedsScheduling({ ...invited, webSchedEnabled: false })).toBe(false)
    expect(recallNeedsScheduling({ ...invited, status: 'Dismissed' })).toBe(false)
  })
})
