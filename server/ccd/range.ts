/**
 * A care summary for a date range (ONC 170.315(e)(1): the patient may ask for the data of a
 * date or a date range). Events (visits, procedures, results, vital signs, immunizations,
 * smoking statuses, saved plans) are kept when their day falls in the range; conditions with a
 * span (problems, medications, allergies) when the span overlaps it. A span with no known end
 * counts as ongoing only while it is Active; otherwise it is kept only when it began in range,
 * since nothing says it reached the range. Demographics and the care team are not dated data.
 */

import type { CalendarDate, CareSummaryInput, ClinicalStatus, Instant } from './input.ts'
import { localDate } from './time.ts'

/** Inclusive bounds, 'YYYY-MM-DD'; a missing bound is open (everything before or after). */
export interface DateRange {
  from?: CalendarDate | null
  to?: CalendarDate | null
}

/** The day falls within the range (bounds included). */
export function dayInRange(day: CalendarDate, range: DateRange): boolean {
  if (range.from && day < range.from) return false
  if (range.to && day > range.to) return false
  return true
}

/** A condition from `start` to `end` touches the range. */
export function spanInRange(
  start: CalendarDate | null | undefined,
  end: CalendarDate | null | undefined,
  status: ClinicalStatus,
  range: DateRange,
): boolean {
  if (start && range.to && start > range.to) return false
  if (end) return !range.from || end >= range.from
  if (status === 'Active') return true
  return Boolean(start) && dayInRange(start as CalendarDate, range)
}

/** The input with only the entries in `range`, and the range written into the document. */
export function summaryForRange(input: CareSummaryInput, range: DateRange): CareSummaryInput {
  const from = range.from || null
  const to = range.to || null
  if (!from && !to) return input
  const bounds = { from, to }
  const zone = input.document.timeZone
  const instantIn = (value: Instant) => dayInRange(localDate(value, zone), bounds)
  return {
    ...input,
    document: { ...input.document, range: bounds },
    allergies: input.allergies.filter((a) => spanInRange(a.onsetDate, null, a.status, bounds)),
    medications: input.medications.filter((m) =>
      spanInRange(m.startDate, m.stopDate, m.status, bounds),
    ),
    problems: input.problems.filter((p) =>
      spanInRange(p.onsetDate, p.resolvedDate, p.status, bounds),
    ),
    results: input.results.filter((r) => instantIn(r.observedAt)),
    vitalSigns: input.vitalSigns.filter((v) => instantIn(v.measuredAt)),
    immunizations: input.immunizations.filter((i) => dayInRange(i.administeredOn, bounds)),
    procedures: input.procedures.filter((p) => dayInRange(p.performedOn, bounds)),
    encounters: input.encounters.filter((e) => dayInRange(e.date, bounds)),
    smokingStatuses: input.smokingStatuses.filter((s) => dayInRange(s.recordedOn, bounds)),
    plannedProcedures: input.plannedProcedures.filter((p) => dayInRange(p.planDate, bounds)),
  }
}
