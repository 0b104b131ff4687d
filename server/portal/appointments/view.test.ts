import { describe, expect, it } from 'vitest'
import type { AppointmentRow, RecallRow } from './queries.ts'
import { PAST_PAGE_SIZE } from './rules.ts'
import { appointmentsTabView, appointmentView, calendarLocation, openTimeView } from './view.ts'

const NOW = new Date('2026-03-10T15:00:00Z')
const HOUR = 3_600_000

function visit(id: number, startsAt: Date, extra: Partial<AppointmentRow> = {}): AppointmentRow {
  return {
    id,
    starts_at: startsAt,
    length_minutes: 60,
    status: 'Scheduled',
    confirmation: 'Unconfirmed',
    confirmed_at: null,
    procedure_description: null,
    provider_first_name: 'Ana',
    provider_last_name: 'Lindqvist',
    provider_suffix: 'DDS',
    clinic_name: 'Downtown',
    clinic_address1: '12 Main St',
    clinic_address2: null,
    clinic_city: 'Maple Grove',
    clinic_region: 'MN',
    clinic_postal_code: '55311',
    clinic_phone: '763-555-0100',
    clinic_time_zone: null,
    procedures: [],
    ...extra,
  }
}

function recall(id: number, extra: Partial<RecallRow> = {}): RecallRow {
  return {
    id,
    date_due: '2026-03-01',
    status: 'Invited',
    invited_at: new Date('2026-02-01T00:00:00Z'),
    web_sched_enabled: true,
    scheduled_appointment_id: null,
    recall_type_id: 1,
    description: 'Cleaning',
    length_minutes: 40,
    procedure_codes: '',
    ...extra,
  }
}

describe('appointmentsTabView', () => {
  const soon = visit(1, new Date(NOW.getTime() + HOUR), { confirmation: 'AwaitingConfirmation' })
  const later = visit(2, new Date(NOW.getTime() + 24 * HOUR))
  const begun = visit(3, new Date(NOW.getTime() - 1), { confirmation: 'AwaitingConfirmation' })
  const context = { timeZone: 'America/Chicago', page: 2 }

  it('leaves out visits a kept read still counts as upcoming but that have begun', () => {
    const { view, changesAt } = appointmentsTabView(
      { upcoming: [begun, soon, later], past: [], recalls: [] },
      context,
      NOW,
    )
    expect(view.upcoming.map((item) => item.id)).toEqual([1, 2])
    expect(view.actionNeeded.confirmations.map((item) => item.id)).toEqual([1])
    // Just after the soonest visit begins, the answer reads differently.
    expect(changesAt).toBe(soon.starts_at.getTime() + 1)
  })

  it('asks only for recalls that still need booking', () => {
    const { view } = appointmentsTabView(
      {
        upcoming: [],
        past: [],
        recalls: [
          recall(7),
          recall(8, { scheduled_appointment_id: 2 }),
          recall(9, { web_sched_enabled: false }),
        ],
      },
      context,
      NOW,
    )
    expect(view.actionNeeded.recalls).toEqual([
      { id: 7, description: 'Cleaning', dueDate: '2026-03-01', lengthMinutes: 40 },
    ])
  })

  it('shows a page of past visits and whether another follows, in the given time zone', () => {
    const past = Array.from({ length: PAST_PAGE_SIZE + 1 }, (_, index) =>
      visit(100 + index, new Date(NOW.getTime() - (index + 1) * 24 * HOUR), { status: 'Complete' }),
    )
    const { view } = appointmentsTabView({ upcoming: [], past, recalls: [] }, context, NOW)
    expect(view.past).toMatchObject({ page: 2, hasMore: true })
    expect(view.past.items).toHaveLength(PAST_PAGE_SIZE)
    expect(view.timeZone).toBe('America/Chicago')
    expect(view.past.items[0]?.clinic?.timeZone).toBe('America/Chicago')
  })
})

describe('openTimeView', () => {
  it('names the provider and falls back to UTC for a clinic without a zone', () => {
    expect(
      openTimeView({
        id: 5,
        starts_at: NOW,
        length_minutes: 40,
        clinic_id: 3,
        provider_id: 4,
        clinic_name: 'Downtown',
        clinic_time_zone: null,
        provider_first_name: 'Ana',
        provider_last_name: 'Lindqvist',
        provider_suffix: 'DDS',
      }),
    ).toEqual({
      id: 5,
      startsAt: NOW.toISOString(),
      lengthMinutes: 40,
      clinic: { id: 3, name: 'Downtown', timeZone: 'UTC' },
      provider: { id: 4, name: 'Ana Lindqvist, DDS' },
    })
  })
})

describe('calendarLocation', () => {
  it('is the clinic and its address on one line', () => {
    expect(calendarLocation(appointmentView(visit(1, NOW), 'UTC', NOW))).toBe(
      'Downtown, 12 Main St, Maple Grove, MN  55311',
    )
  })
})
