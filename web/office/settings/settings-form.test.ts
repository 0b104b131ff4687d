import { describe, expect, it } from 'vitest'
import { englishT } from '../../ui/i18n/testing.ts'
import officeEnglish from '../messages/en.json'
import type { Settings } from './settings-api.ts'
import {
  FEATURES,
  idleTimeoutFrom,
  portalSettingsBody,
  portalSettingsOf,
  readableFieldErrors,
  sectionChanged,
} from './settings-form.ts'

const t = englishT(officeEnglish)

const contact = {
  id: null,
  name: 'Maple Grove Dental',
  phone: null,
  email: null,
  address1: null,
  address2: null,
  city: null,
  region: null,
  postalCode: null,
  hours: [],
}

const view: Settings = {
  features: {
    makePayments: false,
    account: true,
    webmail: true,
    careSummary: true,
    images: true,
    appointments: true,
    treatmentPlan: false,
  },
  idleTimeoutMinutes: 15,
  verifyPersonalInfo: true,
  secondFactorPatients: 'optional',
  secondFactorAdmins: false,
  privacyPolicy: 'We keep your information private.',
  webmailNotificationSubject: 'You have a new message',
  webmailNotificationBody: 'Sign in to read it.',
  paymentProcessor: null,
  paymentMaximumCents: 500_000,
  webmailPatientAttachments: false,
  webmailAttachmentMaxBytes: 5_242_880,
  practice: contact,
  clinics: [{ ...contact, id: 4, name: 'Main Street' }],
}

describe('FEATURES', () => {
  it('lists every feature the API has, once, in the console order', () => {
    expect(FEATURES.map((feature) => t(feature.label))).toEqual([
      'Make payments',
      'Account',
      'WebMail',
      'Care summary',
      'Images',
      'Appointments',
      'Treatment plan',
    ])
    expect(FEATURES.map((feature) => feature.key).sort()).toEqual(Object.keys(view.features).sort())
  })

  it('says that Make payments goes through the card processor', () => {
    const note = FEATURES.find((feature) => feature.key === 'makePayments')?.note
    expect(note && t(note)).toMatch(/card processor/i)
  })
})

describe('portalSettingsBody', () => {
  it('takes only what the PUT accepts from the view', () => {
    const body = portalSettingsOf(view)
    expect(Object.keys(body).sort()).toEqual([
      'features',
      'idleTimeoutMinutes',
      'privacyPolicy',
      'secondFactorAdmins',
      'secondFactorPatients',
      'verifyPersonalInfo',
      'webmailNotificationBody',
      'webmailNotificationSubject',
    ])
  })

  it("replaces one section's fields and keeps the rest as saved", () => {
    const body = portalSettingsBody(view, { idleTimeoutMinutes: 30, verifyPersonalInfo: false })
    expect(body.idleTimeoutMinutes).toBe(30)
    expect(body.verifyPersonalInfo).toBe(false)
    expect(body.features).toEqual(view.features)
    expect(body.privacyPolicy).toBe(view.privacyPolicy)
  })

  it('does not share the feature object with the view', () => {
    const body = portalSettingsOf(view)
    body.features.images = false
    expect(view.features.images).toBe(true)
  })
})

describe('sectionChanged', () => {
  it('ignores key order and notices a changed value', () => {
    expect(sectionChanged({ a: 1, b: { c: true, d: 'x' } }, { b: { d: 'x', c: true }, a: 1 })).toBe(
      false,
    )
    expect(sectionChanged(view.features, { ...view.features, images: false })).toBe(true)
  })
})

describe('idleTimeoutFrom', () => {
  it('asks for minutes when the field is empty or not whole', () => {
    expect(t(idleTimeoutFrom(Number.NaN).problem ?? 'office.title')).toMatch(/minutes/)
    expect(t(idleTimeoutFrom(2.5).problem ?? 'office.title')).toMatch(/whole/)
  })

  it('leaves the range to the server', () => {
    expect(idleTimeoutFrom(0)).toEqual({ minutes: 0 })
    expect(idleTimeoutFrom(45)).toEqual({ minutes: 45 })
  })
})

describe('readableFieldErrors', () => {
  it("turns the schema's messages into sentences about the field", () => {
    expect(
      readableFieldErrors(
        {
          idleTimeoutMinutes: 'must be >= 1',
          webmailNotificationSubject: 'must NOT have fewer than 1 characters',
          email: 'must match format "email"',
          'hours.2.opens': 'must match pattern "^([01]\\d|2[0-3]):[0-5]\\d$"',
          phone: 'must NOT have more than 40 characters',
          city: 'must be string',
        },
        t,
      ),
    ).toEqual({
      idleTimeoutMinutes: 'Enter a whole number of minutes from 1 to 720.',
      webmailNotificationSubject: 'Enter a subject for the email.',
      email: 'Enter an email address, such as office@example.com, or leave it blank.',
      'hours.2.opens': 'Enter a time, such as 09:00.',
      phone: 'Use at most 40 characters.',
      city: 'This is not valid. Please check it.',
    })
  })

  it('keeps messages already written for people', () => {
    const errors = { 'hours.0': 'Closing time must be after opening time.' }
    expect(readableFieldErrors(errors, t)).toEqual(errors)
  })
})
