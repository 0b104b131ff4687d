import { expect, it } from 'vitest'
import { appointmentIcs } from './calendar.ts'

it('writes a UTC event with the practice and place, and no health details', () => {
  const ics = appointmentIcs({
    id: 42,
    practiceSlug: 'maple-grove',
    startsAt: new Date('2026-05-02T13:30:00Z'),
    lengthMinutes: 60,
    practiceName: 'Maple Grove Dental',
    location: '12 Maple Grove Rd, Guelph, ON',
    phone: '519-555-0100',
  })
  expect(ics).toContain('BEGIN:VEVENT')
  expect(ics).toContain('DTSTART:20260502T133000Z')
  expect(ics).toContain('DURATION:PT60M')
  expect(ics).toContain('UID:appointment-42@maple-grove.bitewing')
  expect(ics).toContain('SUMMARY:Dental appointment – Maple Grove Dental')
  expect(ics).toContain('LOCATION:12 Maple Grove Rd\\, Guelph\\, ON')
  expect(ics).toContain('\r\n')
})
