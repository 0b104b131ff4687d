import type { AppointmentStatus, ConfirmationStatus } from '../platform/db/schema.ts'
import {
  ENCOUNTER_TYPES,
  FIRST_MOLARS,
  MOLARS,
  ONE_SURFACE,
  POSTERIOR_TEETH,
  type ProcedureCode,
  procedure,
  TWO_SURFACES,
} from './catalog.ts'
import { type DemoContext, isChild, type Member } from './context.ts'
import { addDays, addMonths, type CalendarDate, daysBetween, weekdayOf } from './dates.ts'
import type { Clinic } from './practice.ts'
import { between, chance, pick, weighted } from './random.ts'

export interface PlannedProcedure {
  code: ProcedureCode
  tooth?: string
  surface?: string
}

export interface Visit {
  key: string
  date: CalendarDate
  startsAt: Date
  providerId: number
  clinic: Clinic
  procedures: PlannedProcedure[]
  kind: 'new' | 'recall' | 'restorative' | 'emergency'
}

export interface AppointmentOptions {
  date: CalendarDate
  procedures: PlannedProcedure[]
  kind: Visit['kind']
  status?: AppointmentStatus
  confirmation?: ConfirmationStatus
  /** Move forward (true) or backward to the nearest day the clinic is open. */
  searchForward?: boolean
  /** Minutes after midnight; a random free-looking time when omitted. */
  startMinutes?: number
  note?: string
  bookedOnline?: boolean
  confirmedBy?: string
  /** Record the visit in the chart (procedure log, encounter), as the PMS does on completion. */
  chart?: boolean
}

/** The nearest day on or after (or before) `date` on which the clinic is open. */
export function openDay(clinic: Clinic, date: CalendarDate, forward = true): CalendarDate {
  let day = date
  for (let step = 0; step < 7 && !clinic.hours.has(weekdayOf(day)); step++) {
    day = addDays(day, forward ? 1 : -1)
  }
  return day
}

function lengthOf(procedures: PlannedProcedure[], kind: Visit['kind']): number {
  if (kind === 'recall') return procedures.some((p) => p.code.code === 'D1120') ? 45 : 60
  const major = procedures.some((p) => ['D2740', 'D3330', 'D4341'].includes(p.code.code))
  return major ? 90 : kind === 'emergency' ? 30 : 60
}

export function addAppointment(
  ctx: DemoContext,
  member: Member,
  options: AppointmentOptions,
): Visit {
  const { faker, clock, drafts } = ctx
  const clinic = member.clinic
  const date = openDay(clinic, options.date, options.searchForward ?? true)
  const hours = clinic.hours.get(weekdayOf(date)) ?? [8 * 60, 17 * 60]
  const length = lengthOf(options.procedures, options.kind)
  const lastStart = Math.max(hours[0], hours[1] - length)
  const start =
    options.startMinutes ??
    hours[0] + between(faker, 0, Math.floor((lastStart - hours[0]) / 30)) * 30
  const startsAt = clock.at(date, start)
  const status = options.status ?? 'Complete'
  const isHygiene = options.kind === 'recall'
  const providerId = clinic.dentistId
  const key = ctx.ids.next('appointments')
  const confirmation = options.confirmation ?? (status === 'Complete' ? 'Confirmed' : 'Unconfirmed')
  drafts.appointments.push({
    external_id: key,
    patient: member.patient.external_id,
    clinic_id: clinic.id,
    provider_id: providerId,
    hygienist_id: isHygiene ? clinic.hygienistId : null,
    starts_at: startsAt,
    length_minutes: length,
    status,
    confirmation,
    confirmed_at:
      confirmation === 'Confirmed'
        ? new Date(startsAt.getTime() - between(faker, 1, 5) * 86_400_000)
        : null,
    procedure_description: options.procedures.map((p) => p.code.description).join(', '),
    note: options.note ?? null,
    is_new_patient: options.kind === 'new',
    booked_online: options.bookedOnline ?? false,
    created_at: new Date(startsAt.getTime() - between(faker, 14, 180) * 86_400_000),
    updated_at: startsAt,
    ...(options.confirmedBy ? { confirmedBy: options.confirmedBy } : {}),
  })
  for (const planned of options.procedures) {
    drafts.appointmentProcedures.push({
      external_id: ctx.ids.next('appointment_procedures'),
      appointment: key,
      code: planned.code.code,
      description: planned.code.description,
      tooth: planned.tooth ?? null,
      surface: planned.surface ?? null,
    })
  }
  const visit: Visit = {
    key,
    date,
    startsAt,
    providerId,
    clinic,
    procedures: options.procedures,
    kind: options.kind,
  }
  if (status === 'Complete' && options.chart !== false) chartVisit(ctx, member, visit, true)
  return visit
}

/** The procedure log and encounter of a completed visit: the care summary's raw material. */
export function chartVisit(ctx: DemoContext, member: Member, visit: Visit, encounter: boolean) {
  for (const planned of visit.procedures) {
    ctx.drafts.clinicalProcedures.push({
      external_id: ctx.ids.next('clinical_procedures'),
      patient: member.patient.external_id,
      appointment: visit.key,
      provider_id: visit.providerId,
      code: planned.code.code,
      description: planned.code.description,
      tooth: planned.tooth ?? null,
      surface: planned.surface ?? null,
      performed_on: visit.date,
      status: 'Complete',
      fee_cents: planned.code.feeCents,
    })
  }
  if (!encounter) return
  const type =
    visit.kind === 'emergency'
      ? ENCOUNTER_TYPES.problem
      : visit.kind === 'restorative'
        ? ENCOUNTER_TYPES.procedure
        : ENCOUNTER_TYPES.checkup
  ctx.drafts.encounters.push({
    external_id: ctx.ids.next('encounters'),
    patient: member.patient.external_id,
    appointment: visit.key,
    provider_id: visit.providerId,
    clinic_id: visit.clinic.id,
    encounter_date: visit.date,
    code: type.code,
    code_system: 'SNOMED CT',
    description: type.description,
  })
}

export function recallProcedures(
  member: Member,
  withBitewings: boolean,
  perio: boolean,
): PlannedProcedure[] {
  if (isChild(member)) {
    return [
      { code: procedure('D0120') },
      { code: procedure('D1120') },
      { code: procedure('D1206') },
    ]
  }
  const cleaning = perio ? procedure('D4910') : procedure('D1110')
  return [
    { code: procedure('D0120') },
    { code: cleaning },
    ...(withBitewings ? [{ code: procedure('D0274') }] : []),
  ]
}

function restorativeWork(ctx: DemoContext, member: Member): PlannedProcedure[] {
  const { faker } = ctx
  const kind = weighted(faker, [
    ['composite', 50],
    ['composite2', 20],
    ['amalgam', 8],
    ['crown', 10],
    ['endo', 5],
    ['extraction', 5],
    ['sealant', isChild(member) ? 40 : 0],
  ] as const)
  switch (kind) {
    case 'composite':
      return [
        {
          code: procedure('D2391'),
          tooth: pick(faker, POSTERIOR_TEETH),
          surface: pick(faker, ONE_SURFACE),
        },
      ]
    case 'composite2':
      return [
        {
          code: procedure('D2392'),
          tooth: pick(faker, POSTERIOR_TEETH),
          surface: pick(faker, TWO_SURFACES),
        },
      ]
    case 'amalgam':
      return [
        {
          code: procedure('D2150'),
          tooth: pick(faker, POSTERIOR_TEETH),
          surface: pick(faker, TWO_SURFACES),
        },
      ]
    case 'crown': {
      const tooth = pick(faker, MOLARS)
      return [
        { code: procedure('D2950'), tooth },
        { code: procedure('D2740'), tooth },
      ]
    }
    case 'endo':
      return [
        { code: procedure('D0220'), tooth: '19' },
        { code: procedure('D3330'), tooth: pick(faker, MOLARS) },
      ]
    case 'extraction':
      return [{ code: procedure('D7140'), tooth: pick(faker, ['1', '16', '17', '32']) }]
    case 'sealant':
      return FIRST_MOLARS.map((tooth) => ({ code: procedure('D1351'), tooth }))
  }
}

export interface History {
  completed: Visit[]
  /** Date of the last recall (hygiene) visit, from which the next one falls due. */
  lastRecall: CalendarDate | undefined
  perio: boolean
}

/**
 * Two years of visits for an active patient (new-patient exam, six-monthly recalls, some
 * fillings and crowns, the odd broken appointment), or a few old visits for former patients.
 */
export function generateHistory(ctx: DemoContext, member: Member): History {
  const { faker, today } = ctx
  const status = member.patient.status ?? 'Patient'
  const history: History = { completed: [], lastRecall: undefined, perio: false }
  if (status === 'NonPatient' || status === 'Prospective') return history

  const active = status === 'Patient'
  const yearsAgo = active ? 0 : between(faker, 2, 5)
  const end = addDays(today, -(yearsAgo * 365 + (active ? 2 : 0)))
  const firstVisit = addDays(end, -between(faker, 45, 5 * 365))
  const windowStart = addDays(end, active ? -730 : -400)
  history.perio = !isChild(member) && member.age > 35 && chance(faker, 0.12)
  let date = firstVisit
  if (firstVisit >= windowStart) {
    const visit = addAppointment(ctx, member, {
      date: firstVisit,
      kind: 'new',
      procedures: [
        { code: procedure('D0150') },
        { code: procedure(isChild(member) ? 'D0272' : 'D0210') },
        ...(history.perio
          ? [
              { code: procedure('D4341'), tooth: undefined, surface: 'UR' },
              { code: procedure('D4341'), surface: 'LR' },
            ]
          : recallProcedures(member, false, false).slice(1)),
      ],
    })
    history.completed.push(visit)
    history.lastRecall = visit.date
  } else {
    // Seen before the window: continue the six-monthly rhythm into it.
    const cycles = Math.ceil(daysBetween(firstVisit, windowStart) / 182)
    date = addMonths(firstVisit, cycles * 6)
    date = addMonths(date, -6)
  }
  const interval = history.perio ? 3 : 6
  let count = 0
  for (;;) {
    date = addDays(addMonths(date, interval), between(faker, -12, 12))
    if (date >= end) break
    if (chance(faker, 0.05)) {
      addAppointment(ctx, member, {
        date,
        kind: 'recall',
        procedures: recallProcedures(member, false, history.perio),
        status: 'Broken',
        note: 'Missed appointment; no call.',
      })
      date = addDays(date, between(faker, 7, 21))
      if (date >= end) break
    }
    count++
    const visit = addAppointment(ctx, member, {
      date,
      kind: 'recall',
      procedures: recallProcedures(member, count % 2 === 1, history.perio),
    })
    history.completed.push(visit)
    history.lastRecall = visit.date
    if (chance(faker, isChild(member) ? 0.08 : 0.14)) {
      visitAfterRecall(ctx, member, history, date, end, {
        days: [10, 35],
        kind: 'restorative',
        procedures: () => restorativeWork(ctx, member),
      })
    }
    if (chance(faker, 0.02)) {
      visitAfterRecall(ctx, member, history, date, end, {
        days: [20, 90],
        kind: 'emergency',
        procedures: () => [{ code: procedure('D0140') }, { code: procedure('D9110') }],
      })
    }
  }
  return history
}

/**
 * A completed visit some days after a recall, if it falls before `end`. The procedures are
 * chosen only then, so the random stream stays as it was for the rest of the practice.
 */
function visitAfterRecall(
  ctx: DemoContext,
  member: Member,
  history: History,
  recall: CalendarDate,
  end: CalendarDate,
  visit: { days: [number, number]; kind: Visit['kind']; procedures: () => PlannedProcedure[] },
): void {
  const date = addDays(recall, between(ctx.faker, ...visit.days))
  if (date >= end) return
  const procedures = visit.procedures()
  history.completed.push(addAppointment(ctx, member, { date, kind: visit.kind, procedures }))
}

/**
 * The patient's recall and, for many, the upcoming appointment that satisfies it, with the
 * confirmation state an office would have a few days or weeks out.
 */
export function generateRecall(ctx: DemoContext, member: Member, history: History): void {
  const { faker, today, setup } = ctx
  const status = member.patient.status ?? 'Patient'
  if (status === 'NonPatient') return
  if (status === 'Prospective') {
    if (chance(faker, 0.7)) {
      addAppointment(ctx, member, {
        date: addDays(today, between(faker, 2, 30)),
        kind: 'new',
        status: 'Scheduled',
        procedures: [{ code: procedure('D0150') }, { code: procedure('D0210') }],
        bookedOnline: chance(faker, 0.3),
      })
    }
    return
  }
  if (!history.lastRecall) return
  const recallType = history.perio
    ? setup.recallTypes.perio
    : isChild(member)
      ? setup.recallTypes.childProphy
      : setup.recallTypes.prophy
  const due = addMonths(history.lastRecall, history.perio ? 3 : 6)
  const base = {
    external_id: ctx.ids.next('recalls'),
    patient: member.patient.external_id,
    recall_type_id: recallType,
    date_due: due,
    date_previous: history.lastRecall,
  }
  if (status !== 'Patient') {
    ctx.drafts.recalls.push({ ...base, status: 'Dismissed', web_sched_enabled: false })
    return
  }
  const daysUntil = daysBetween(today, due)
  if (daysUntil > 1 && chance(faker, 0.65)) {
    const confirmation = confirmationFor(ctx, daysUntil)
    const cancelled = chance(faker, 0.03)
    const visit = addAppointment(ctx, member, {
      date: due,
      kind: 'recall',
      status: cancelled ? 'UnschedList' : 'Scheduled',
      confirmation: cancelled ? 'Unconfirmed' : confirmation,
      procedures: recallProcedures(member, chance(faker, 0.5), history.perio),
      ...(cancelled ? { note: 'Patient cancelled; will call to reschedule.' } : {}),
    })
    if (visit.date > today) {
      ctx.drafts.recalls.push({
        ...base,
        status: cancelled ? 'Due' : 'Scheduled',
        scheduledAppointment: cancelled ? undefined : visit.key,
      })
      return
    }
  }
  const invited = daysUntil < 30 && chance(faker, 0.5)
  ctx.drafts.recalls.push({
    ...base,
    status: invited ? 'Invited' : 'Due',
    invited_at: invited ? ctx.clock.at(addDays(today, -between(faker, 1, 20)), 9 * 60) : null,
  })
}

function confirmationFor(ctx: DemoContext, daysUntil: number): ConfirmationStatus {
  const { faker } = ctx
  if (daysUntil <= 2)
    return weighted(faker, [
      ['Confirmed', 60],
      ['AwaitingConfirmation', 25],
      ['Unconfirmed', 15],
    ])
  if (daysUntil <= 7)
    return weighted(faker, [
      ['Confirmed', 30],
      ['AwaitingConfirmation', 45],
      ['Unconfirmed', 25],
    ])
  return weighted(faker, [
    ['Confirmed', 15],
    ['AwaitingConfirmation', 5],
    ['Unconfirmed', 80],
  ])
}
