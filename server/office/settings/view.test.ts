import { describe, expect, it } from 'vitest'
import { presentContact } from './view.ts'

const contact = {
  name: 'Downtown',
  phone: '519-555-0101',
  email: null,
  address1: '2 King St',
  address2: null,
  city: 'Guelph',
  region: 'ON',
  postal_code: 'N1H 1A1',
  npi: '1245319599',
}
const hours = [
  { clinic_id: null, weekday: 1, opens: '08:00:00', closes: '17:00:00' },
  { clinic_id: 5, weekday: 2, opens: '09:30:00', closes: '12:00:00' },
]

describe('contact details in Portal Settings', () => {
  it('shows a clinic with only its own hours, as hours and minutes', () => {
    const { postal_code, ...named } = contact
    expect(presentContact(5, contact, hours)).toEqual({
      ...named,
      id: 5,
      postalCode: postal_code,
      hours: [{ weekday: 2, opens: '09:30', closes: '12:00' }],
    })
  })

  it("shows the practice's own hours (no clinic) apart from the clinics'", () => {
    expect(presentContact(null, contact, hours).hours).toEqual([
      { weekday: 1, opens: '08:00', closes: '17:00' },
    ])
  })
})
