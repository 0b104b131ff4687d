import { describe, expect, it } from 'vitest'
import {
  clashesWithOwnVisits,
  confirmDecision,
  isUpcoming,
  needsConfirmation,
  overlaps,
  recallInPlainWords,
  recallNeedsScheduling,
} from './rules.ts'

describe('recallInPlainWords', () => {
  it('names a recall by what its procedures are for, else by the office’s words', () => {
    expect(recallInPlainWords('Prophy', 'D0120,D1110')).toBe('Cleaning and check-up')
    expect(recallInPlainWords('Child Prophy', 'D0120,D1120,D1206')).toBe('Cleaning and check-up')
    expect(recallInPlainWords('Perio Maintenance', 'D4910')).toBe(
      'Gum care cleaning (periodontal maintenance)',
    )
    expect(recallInPlainWords('4BWX', 'D0274')).toBe('Bitewing X-rays')
    expect(recallInPlainWords('Implant check', 'D0180')).toBe('Implant check')
    expect(recallInPlainWords('Implant check', null)).toBe('Implant check')
  })
})

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

describe("Web Sched times beside the patient's own visits", () => {
  const at = (time: string, lengthMinutes: number) => ({
    startsAt: new Date(`2026-05-04T${time}:00Z`),
    lengthMinutes,
  })
  const crown = at('14:00', 90)

  it('counts any shared minute as an overlap, either way round', () => {
    expect(overlaps(at('14:00', 60), crown)).toBe(true)
    expect(overlaps(crown, at('14:00', 60))).toBe(true)
    expect(overlaps(at('13:30', 45), crown)).toBe(true)
    expect(overlaps(at('15:00', 60), crown)).toBe(true)
    expect(overlaps(at('14:30', 15), crown)).toBe(true)
    expect(overlaps(at('13:00', 180), crown)).toBe(true)
  })

  it('lets a visit begin as another ends', () => {
    expect(overlaps(at('13:00', 60), crown)).toBe(false)
    expect(overlaps(at('15:30', 60), crown)).toBe(false)
  })

  it("clashes with any of the patient's visits, and with none when there are none", () => {
    expect(clashesWithOwnVisits(at('14:00', 60), [at('09:00', 30), crown])).toBe(true)
    expect(clashesWithOwnVisits(at('11:00', 60), [at('09:00', 30), crown])).toBe(false)
    expect(clashesWithOwnVisits(at('14:00', 60), [])).toBe(false)
  })
})
