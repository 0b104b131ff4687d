import { describe, expect, it } from 'vitest'
import { englishT } from '../../ui/i18n/testing.ts'
import portalEnglish from '../messages/en.json'
import {
  type Appointment,
  type AppointmentsView,
  confirmationLabel,
  groupOpenTimesByDay,
  type OpenTime,
  pastFromPages,
  procedureLine,
  replaceAppointment,
  whatIsPlanned,
} from './rules.ts'

const t = englishT(portalEnglish)

const openTime = (id: number, startsAt: string, timeZone = 'America/Chicago'): OpenTime => ({
  id,
  startsAt,
  lengthMinutes: 60,
  clinic: { id: 1, name: 'Maple Grove Dental', timeZone },
  provider: { id: 1, name: 'Anna Lindqvist, DDS' },
})

const appointment = (id: number, overrides: Partial<Appointment> = {}): Appointment => ({
  id,
  startsAt: '2026-05-02T14:00:00Z',
  lengthMinutes: 60,
  status: 'Scheduled',
  confirmation: 'AwaitingConfirmation',
  provider: 'Anna Lindqvist, DDS',
  clinic: null,
  procedures: [],
  reason: null,
  canConfirm: true,
  ...overrides,
})

const view = (past: Appointment[], upcoming: Appointment[] = []): AppointmentsView => ({
  actionNeeded: { confirmations: upcoming.filter((item) => item.canConfirm), recalls: [] },
  upcoming,
  past: { items: past, page: 1, hasMore: false },
  timeZone: 'America/Chicago',
})

describe('groupOpenTimesByDay', () => {
  it('groups by the clinic’s calendar day, soonest first', () => {
    const groups = groupOpenTimesByDay([
      openTime(3, '2026-05-04T15:00:00Z'),
      // 8 p.m. on 2 May in Chicago is 01:00 on 3 May in UTC: still 2 May.
      openTime(2, '2026-05-03T01:00:00Z'),
      openTime(1, '2026-05-02T14:00:00Z'),
    ])
    expect(groups.map((group) => group.day)).toEqual(['2026-05-02', '2026-05-04'])
    expect(groups[0]?.times.map((time) => time.id)).toEqual([1, 2])
    expect(groups[0]?.timeZone).toBe('America/Chicago')
  })

  it('returns nothing for no open times', () => {
    expect(groupOpenTimesByDay([])).toEqual([])
  })

  it('counts each clinic’s times in that clinic’s zone', () => {
    const groups = groupOpenTimesByDay([
      openTime(1, '2026-05-03T01:00:00Z', 'America/Chicago'),
      openTime(2, '2026-05-03T01:00:00Z', 'UTC'),
    ])
    expect(groups.map((group) => [group.day, group.times.map((time) => time.id)])).toEqual([
      ['2026-05-02', [1]],
      ['2026-05-03', [2]],
    ])
  })
})

describe('replaceAppointment', () => {
  it('swaps the confirmed appointment into every list', () => {
    const before = view([], [appointment(7), appointment(8)])
    const fresh = appointment(7, { confirmation: 'Confirmed', canConfirm: false })
    const after = replaceAppointment(before, fresh)
    expect(after.upcoming.map((item) => item.confirmation)).toEqual([
      'Confirmed',
      'AwaitingConfirmation',
    ])
    expect(after.actionNeeded.confirmations[0]).toBe(fresh)
    expect(before.upcoming[0]?.confirmation).toBe('AwaitingConfirmation')
  })
})

describe('pastFromPages', () => {
  it('joins pages in order without repeats', () => {
    const pages = [view([appointment(3), appointment(2)]), view([appointment(2), appointment(1)])]
    expect(pastFromPages(pages).map((item) => item.id)).toEqual([3, 2, 1])
  })
})

describe('wording', () => {
  it('names confirmation states plainly', () => {
    expect(t(confirmationLabel('Confirmed'))).toBe('Confirmed')
    expect(t(confirmationLabel('AwaitingConfirmation'))).toBe('Please confirm')
    expect(t(confirmationLabel('Unconfirmed'))).toBe('Not confirmed yet')
  })

  it('says where a procedure is done', () => {
    expect(
      procedureLine({ code: 'D2391', description: 'Filling', tooth: '30', surface: 'O' }, t),
    ).toBe('Filling (tooth 30, surface O)')
    expect(
      procedureLine({ code: 'D1110', description: 'Cleaning', tooth: null, surface: null }, t),
    ).toBe('Cleaning')
  })

  it('falls back to the office’s reason', () => {
    expect(whatIsPlanned(appointment(1, { reason: 'Check-up' }), t)).toEqual(['Check-up'])
    expect(whatIsPlanned(appointment(1), t)).toEqual([])
  })
})
