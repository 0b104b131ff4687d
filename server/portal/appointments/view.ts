import { addressLines } from '../../practice/rules.ts'
import type { AppointmentRow } from './queries.ts'
import { needsConfirmation } from './rules.ts'

export function providerName(row: {
  provider_first_name: string | null
  provider_last_name: string | null
  provider_suffix: string | null
}): string | null {
  if (!row.provider_last_name) return null
  const name = `${row.provider_first_name ?? ''} ${row.provider_last_name}`.trim()
  return row.provider_suffix ? `${name}, ${row.provider_suffix}` : name
}

export function appointmentView(row: AppointmentRow, practiceTimeZone: string, now: Date) {
  const facts = { status: row.status, confirmation: row.confirmation, startsAt: row.starts_at }
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    lengthMinutes: row.length_minutes,
    status: row.status,
    confirmation: row.confirmation,
    provider: providerName(row),
    clinic: row.clinic_name
      ? {
          name: row.clinic_name,
          addressLines: addressLines({
            address1: row.clinic_address1,
            address2: row.clinic_address2,
            city: row.clinic_city,
            region: row.clinic_region,
            postal_code: row.clinic_postal_code,
          }),
          phone: row.clinic_phone,
          timeZone: row.clinic_time_zone ?? practiceTimeZone,
        }
      : null,
    procedures: row.procedures,
    reason: row.procedure_description,
    canConfirm: needsConfirmation(facts, now),
  }
}
