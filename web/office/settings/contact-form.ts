import type { FieldErrors } from '../../ui/api.ts'
import type { Contact, ContactChange } from './settings-api.ts'

/** One opening of a day, as edited: `HH:MM` times (empty while being typed). */
export interface TimeRange {
  /** Stable while editing, so React keeps each row's inputs and focus. */
  key: string
  opens: string
  closes: string
}

/** Opening hours by weekday: index 0 = Sunday … 6 = Saturday, as the API numbers them. */
export type WeekHours = TimeRange[][]

export const CONTACT_FIELDS = [
  'phone',
  'email',
  'address1',
  'address2',
  'city',
  'region',
  'postalCode',
  'npi',
] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

export interface ContactForm extends Record<ContactField, string> {
  week: WeekHours
}

/** The form for a contact as the server has it; each day's hours earliest first. */
export function contactFormOf(contact: Contact): ContactForm {
  const week: WeekHours = [[], [], [], [], [], [], []]
  for (const slot of contact.hours) {
    const day = week[slot.weekday]
    day?.push({ key: `${slot.weekday}.${day.length}`, opens: slot.opens, closes: slot.closes })
  }
  for (const day of week) day.sort(byOpening)
  return {
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    address1: contact.address1 ?? '',
    address2: contact.address2 ?? '',
    city: contact.city ?? '',
    region: contact.region ?? '',
    postalCode: contact.postalCode ?? '',
    npi: contact.npi ?? '',
    week,
  }
}

/**
 * The body to save, and for each sent opening (`hours.N` in the server's errors) the key of
 * the row it came from. Blank fields are sent as null; each day's hours go earliest first.
 */
export function contactBodyOf(form: ContactForm): { body: ContactChange; rangeKeys: string[] } {
  const hours: ContactChange['hours'] = []
  const rangeKeys: string[] = []
  form.week.forEach((day, weekday) => {
    for (const range of [...day].sort(byOpening)) {
      hours.push({ weekday, opens: range.opens, closes: range.closes })
      rangeKeys.push(range.key)
    }
  })
  const text = (value: string) => (value.trim() === '' ? null : value.trim())
  return {
    body: {
      phone: text(form.phone),
      email: text(form.email),
      address1: text(form.address1),
      address2: text(form.address2),
      city: text(form.city),
      region: text(form.region),
      postalCode: text(form.postalCode),
      npi: text(form.npi),
      hours,
    },
    rangeKeys,
  }
}

/** Whether the form says something other than what is saved. */
export function contactChanged(saved: ContactForm, form: ContactForm): boolean {
  return JSON.stringify(contactBodyOf(saved).body) !== JSON.stringify(contactBodyOf(form).body)
}

function byOpening(a: TimeRange, b: TimeRange): number {
  // Rows still being typed (empty times) stay after the complete ones.
  return (a.opens || '99:99').localeCompare(b.opens || '99:99')
}

/**
 * Adds an opening to a day: 09:00–17:00 on a closed day, else the hour after the day's last
 * closing (for a split day, like a lunch break), as far as the day allows.
 */
export function addRange(week: WeekHours, weekday: number, key: string): WeekHours {
  const day = week[weekday] ?? []
  const last = day
    .map((range) => range.closes)
    .sort()
    .at(-1)
  let opens = '09:00'
  let closes = '17:00'
  if (last) {
    opens = clockPlus(last, 60)
    closes = clockPlus(opens, 4 * 60)
    if (opens >= closes) opens = clockPlus(last, 0)
  }
  return withDay(week, weekday, [...day, { key, opens, closes }])
}

export function removeRange(week: WeekHours, weekday: number, key: string): WeekHours {
  return withDay(
    week,
    weekday,
    (week[weekday] ?? []).filter((range) => range.key !== key),
  )
}

export function changeRange(
  week: WeekHours,
  weekday: number,
  key: string,
  change: Partial<Pick<TimeRange, 'opens' | 'closes'>>,
): WeekHours {
  return withDay(
    week,
    weekday,
    (week[weekday] ?? []).map((range) => (range.key === key ? { ...range, ...change } : range)),
  )
}

/** Gives `to` days the same hours as `from` (new keys, so rows stay distinct). */
export function copyDay(
  week: WeekHours,
  from: number,
  to: readonly number[],
  newKey: () => string,
): WeekHours {
  const source = week[from] ?? []
  return week.map((day, weekday) =>
    to.includes(weekday) && weekday !== from
      ? source.map((range) => ({ key: newKey(), opens: range.opens, closes: range.closes }))
      : day,
  )
}

function withDay(week: WeekHours, weekday: number, day: TimeRange[]): WeekHours {
  return week.map((existing, index) => (index === weekday ? day : existing))
}

/** `HH:MM` plus minutes, held at 23:59 so it stays on the same day. */
export function clockPlus(hourMinute: string, minutes: number): string {
  const [hours = 0, mins = 0] = hourMinute.split(':').map(Number)
  const total = Math.min(hours * 60 + mins + minutes, 23 * 60 + 59)
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** The days of the week in the reader's order, starting from `firstDay` (0 = Sunday). */
export function weekdayOrder(firstDay: number): number[] {
  return Array.from({ length: 7 }, (_, step) => (firstDay + step) % 7)
}

/**
 * The server's errors split for the form: contact fields by name, and opening-hours messages
 * (`hours.3`, `hours.3.opens`) by the key of the row they are about.
 */
export function splitContactErrors(
  errors: FieldErrors,
  rangeKeys: readonly string[],
): { fields: FieldErrors; ranges: Record<string, string>; hours?: string } {
  const fields: FieldErrors = {}
  const ranges: Record<string, string> = {}
  let hours: string | undefined
  for (const [field, message] of Object.entries(errors)) {
    const range = /^hours\.(\d+)(?:\.|$)/.exec(field)
    const key = range ? rangeKeys[Number(range[1])] : undefined
    if (key !== undefined) ranges[key] ??= message
    else if (field === 'hours' || field.startsWith('hours.')) hours ??= message
    else fields[field] = message
  }
  return hours === undefined ? { fields, ranges } : { fields, ranges, hours }
}
