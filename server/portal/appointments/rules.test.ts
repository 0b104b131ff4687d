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
  // A recall is named by what its procedures are for, else by the office’s words.
  it.each([
    { office: 'Prophy', codes: 'D0120,D1110', plain: 'Cleaning and check-up' },
    { office: 'Child Prophy', codes: 'D0120,D1120,D1206', plain: 'Cleaning and check-up' },
    {
      office: 'Perio Maintenance',
      codes: 'D4910',
      plain: 'Gum care cleaning (periodontal maintenance)',
    },
    { office: '4BWX', codes: 'D0274', plain: 'Bitewing X-rays' },
    { office: 'Implant check', codes: 'D0180', plain: 'Implant check' },
    { office: 'Implant check', codes: null, plain: 'Implant check' },
  ])('names “$office” ($codes) “$plain”', ({ office, codes, plain }) => {
    expect(recallInPlainWords(office, codes)).toBe(plain)
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
