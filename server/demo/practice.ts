import { randomBytes } from 'node:crypto'
import type { Faker } from '@faker-js/faker'
import { hashPassword } from '../platform/auth/passwords.ts'
import type { Database } from '../platform/db/database.ts'
import { PROCEDURE_CODES } from './catalog.ts'
import { addDays, type CalendarDate, type ClinicClock, weekdayOf } from './dates.ts'
import { between, type ExternalIds, pick } from './random.ts'
import { DEMO_SIGN_INS } from './sign-ins.ts'

export const DEMO_PRACTICE_SLUG = 'maple-grove-dental'
export const DEMO_TIME_ZONE = 'America/Chicago'

export interface Clinic {
  id: number
  name: string
  /** Weekday (0 = Sunday) → [opens, closes] in minutes after midnight. */
  hours: Map<number, [number, number]>
  dentistId: number
  hygienistId: number
}

export interface PracticeSetup {
  practiceId: number
  name: string
  address: string[]
  clinics: [Clinic, Clinic]
  recallTypes: { prophy: number; childProphy: number; perio: number; bitewings: number }
  categories: {
    xrays: number
    photos: number
    forms: number
    treatmentPlans: number
    insurance: number
    clinicalNotes: number
  }
  staff: { admin: number; frontDesk: number; dentist: number }
  /** One hash of an unpublished password for every generated portal user (argon2 is slow). */
  sharedPortalHash: string
}

const WEEKDAY_HOURS: [number, number] = [8 * 60, 17 * 60]

/**
 * Maple Grove Dental, Maple Grove, Minnesota: a US practice, so CDT codes, Universal tooth
 * numbers, US dollars and US addresses all agree.
 */
export async function createPractice(db: Database, ids: ExternalIds): Promise<PracticeSetup> {
  const name = 'Maple Grove Dental'
  const practice = await db
    .insertInto('practices')
    .values({
      name,
      slug: DEMO_PRACTICE_SLUG,
      time_zone: DEMO_TIME_ZONE,
      currency: 'USD',
      phone: '(763) 555-0100',
      email: 'hello@maplegrovedental.example',
      // Organization NPIs (Type 2) with a valid check digit; made up for the demo.
      npi: '1990000014',
      address1: '7885 Main Street N',
      city: 'Maple Grove',
      region: 'MN',
      postal_code: '55369',
      country: 'US',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const practiceId = practice.id

  const clinicRows = await db
    .insertInto('clinics')
    .values([
      {
        practice_id: practiceId,
        external_id: ids.next('clinics'),
        name: 'Maple Grove Dental - Main Street',
        abbreviation: 'MAIN',
        phone: '(763) 555-0100',
        email: 'mainstreet@maplegrovedental.example',
        npi: '1990000022',
        address1: '7885 Main Street N',
        address2: 'Suite 120',
        city: 'Maple Grove',
        region: 'MN',
        postal_code: '55369',
        country: 'US',
        time_zone: DEMO_TIME_ZONE,
      },
      {
        practice_id: practiceId,
        external_id: ids.next('clinics'),
        name: 'Maple Grove Dental - Plymouth',
        abbreviation: 'PLY',
        phone: '(763) 555-0142',
        email: 'plymouth@maplegrovedental.example',
        npi: '1990000030',
        address1: '3155 Vicksburg Lane N',
        city: 'Plymouth',
        region: 'MN',
        postal_code: '55447',
        country: 'US',
        time_zone: DEMO_TIME_ZONE,
      },
    ])
    .returning('id')
    .execute()
  const [main, plymouth] = clinicRows.map((row) => row.id) as [number, number]

  // Main Street: weekdays plus Saturday mornings; Plymouth: Tuesday to Friday, late Thursdays.
  const mainHours = new Map<number, [number, number]>([
    [1, WEEKDAY_HOURS],
    [2, WEEKDAY_HOURS],
    [3, WEEKDAY_HOURS],
    [4, WEEKDAY_HOURS],
    [5, [8 * 60, 15 * 60]],
    [6, [8 * 60, 12 * 60]],
  ])
  const plymouthHours = new Map<number, [number, number]>([
    [2, WEEKDAY_HOURS],
    [3, WEEKDAY_HOURS],
    [4, [10 * 60, 19 * 60]],
    [5, WEEKDAY_HOURS],
  ])
  const hoursRows = [
    ...[...mainHours].map(([weekday, range]) => ({ clinic: main, weekday, range })),
    ...[...plymouthHours].map(([weekday, range]) => ({ clinic: plymouth, weekday, range })),
  ].map(({ clinic, weekday, range }) => ({
    practice_id: practiceId,
    clinic_id: clinic as number | null,
    weekday,
    opens: minutesToTime(range[0]),
    closes: minutesToTime(range[1]),
  }))
  // The practice's own hours: the union the phone line is answered.
  hoursRows.push(
    ...[1, 2, 3, 4, 5].map((weekday) => ({
      practice_id: practiceId,
      clinic_id: null,
      weekday,
      opens: '08:00',
      closes: weekday === 4 ? '19:00' : '17:00',
    })),
    { practice_id: practiceId, clinic_id: null, weekday: 6, opens: '08:00', closes: '12:00' },
  )
  await db.insertInto('business_hours').values(hoursRows).execute()

  const providerRows = await db
    .insertInto('providers')
    .values([
      {
        practice_id: practiceId,
        external_id: ids.next('providers'),
        first_name: 'Anna',
        last_name: 'Lindqvist',
        suffix: 'DDS',
        abbreviation: 'DOC1',
        specialty: 'General dentistry',
        npi: '1234567893',
        clinic_id: main,
      },
      {
        practice_id: practiceId,
        external_id: ids.next('providers'),
        first_name: 'James',
        last_name: 'Okoro',
        suffix: 'DMD',
        abbreviation: 'DOC2',
        specialty: 'General dentistry',
        npi: '1245319599',
        clinic_id: plymouth,
      },
      {
        practice_id: practiceId,
        external_id: ids.next('providers'),
        first_name: 'Rachel',
        last_name: 'Kim',
        suffix: 'RDH',
        abbreviation: 'HYG1',
        specialty: 'Dental hygiene',
        is_hygienist: true,
        clinic_id: main,
      },
      {
        practice_id: practiceId,
        external_id: ids.next('providers'),
        first_name: 'Marcus',
        last_name: 'Webb',
        suffix: 'RDH',
        abbreviation: 'HYG2',
        specialty: 'Dental hygiene',
        is_hygienist: true,
        clinic_id: plymouth,
      },
    ])
    .returning('id')
    .execute()
  const [lindqvist, okoro, kim, webb] = providerRows.map((row) => row.id) as [
    number,
    number,
    number,
    number,
  ]

  await db
    .insertInto('procedure_codes')
    .values(
      Object.entries(PROCEDURE_CODES).map(([code, entry]) => ({
        practice_id: practiceId,
        code,
        description: entry.description,
        abbreviation: entry.abbreviation,
        default_fee_cents: entry.feeCents,
      })),
    )
    .execute()

  const recallRows = await db
    .insertInto('recall_types')
    .values(
      [
        {
          description: 'Prophy',
          interval_months: 6,
          length_minutes: 60,
          procedure_codes: 'D0120,D1110',
        },
        {
          description: 'Child Prophy',
          interval_months: 6,
          length_minutes: 45,
          procedure_codes: 'D0120,D1120,D1206',
        },
        {
          description: 'Perio Maintenance',
          interval_months: 3,
          length_minutes: 60,
          procedure_codes: 'D4910',
        },
        { description: '4BWX', interval_months: 12, length_minutes: 15, procedure_codes: 'D0274' },
      ].map((row) => ({ ...row, practice_id: practiceId, external_id: ids.next('recall_types') })),
    )
    .returning('id')
    .execute()
  const [prophy, childProphy, perio, bitewings] = recallRows.map((row) => row.id) as [
    number,
    number,
    number,
    number,
  ]

  const categoryRows = await db
    .insertInto('image_categories')
    .values(
      [
        { name: 'X-rays', show_in_portal: true },
        { name: 'Photos', show_in_portal: true },
        { name: 'Patient forms', show_in_portal: true },
        { name: 'Treatment plans', show_in_portal: true },
        { name: 'Insurance', show_in_portal: false },
        { name: 'Clinical notes', show_in_portal: false },
      ].map((row, index) => ({
        ...row,
        practice_id: practiceId,
        external_id: ids.next('image_categories'),
        sort_order: index + 1,
      })),
    )
    .returning('id')
    .execute()
  const [xrays, photos, forms, treatmentPlans, insurance, clinicalNotes] = categoryRows.map(
    (row) => row.id,
  ) as [number, number, number, number, number, number]

  const adminSignIn = DEMO_SIGN_INS.find((signIn) => signIn.where === 'office')
  if (!adminSignIn) throw new Error('The demo sign-ins name no office user')
  // Staff and generated patients without published passwords share one hash of a random secret
  // nobody knows: argon2 is deliberately slow, and nobody signs in as them.
  const [adminHash, unpublishedHash] = await Promise.all([
    hashPassword(adminSignIn.password),
    hashPassword(randomBytes(18).toString('base64url')),
  ])
  const staffRows = await db
    .insertInto('staff_users')
    .values([
      {
        practice_id: practiceId,
        username: adminSignIn.username,
        password_hash: adminHash,
        display_name: 'Practice Administrator',
        email: 'admin@maplegrovedental.example',
        role: 'admin',
      },
      {
        practice_id: practiceId,
        username: 'frontdesk',
        password_hash: unpublishedHash,
        display_name: 'Jenna Morales',
        email: 'frontdesk@maplegrovedental.example',
        role: 'front_desk',
      },
      {
        practice_id: practiceId,
        username: 'dr.lindqvist',
        password_hash: unpublishedHash,
        display_name: 'Dr. Anna Lindqvist',
        email: 'alindqvist@maplegrovedental.example',
        role: 'provider',
        provider_id: lindqvist,
      },
    ])
    .returning('id')
    .execute()
  const [admin, frontDesk, dentist] = staffRows.map((row) => row.id) as [number, number, number]

  await db
    .insertInto('portal_settings')
    .values({
      practice_id: practiceId,
      // Payments go through the sandbox processor: test cards only, no money moves.
      feature_make_payments: true,
      feature_account: true,
      feature_webmail: true,
      feature_care_summary: true,
      feature_images: true,
      feature_appointments: true,
      feature_treatment_plan: true,
      idle_timeout_minutes: 15,
      verify_personal_info: false,
      payment_processor: 'sandbox',
      privacy_policy: PRIVACY_POLICY,
      webmail_notification_subject: 'New message from Maple Grove Dental',
      webmail_notification_body:
        'You have a new secure message from Maple Grove Dental. Sign in to the patient portal ' +
        'to read it. For your privacy, this email does not include the message.',
      updated_by_staff_id: admin,
    })
    .execute()

  return {
    practiceId,
    name,
    address: ['7885 Main Street N, Suite 120', 'Maple Grove, MN 55369', '(763) 555-0100'],
    clinics: [
      { id: main, name: 'Main Street', hours: mainHours, dentistId: lindqvist, hygienistId: kim },
      {
        id: plymouth,
        name: 'Plymouth',
        hours: plymouthHours,
        dentistId: okoro,
        hygienistId: webb,
      },
    ],
    recallTypes: { prophy, childProphy, perio, bitewings },
    categories: { xrays, photos, forms, treatmentPlans, insurance, clinicalNotes },
    staff: { admin, frontDesk, dentist },
    sharedPortalHash: unpublishedHash,
  }
}

/**
 * Open Web Sched times for the next four weeks: a few free chairs a day per clinic and provider,
 * for the recall types patients may book online.
 */
export async function createWebSchedOpenTimes(
  db: Database,
  setup: PracticeSetup,
  faker: Faker,
  ids: ExternalIds,
  clock: ClinicClock,
  today: CalendarDate,
): Promise<void> {
  const rows = []
  for (let day = 1; day <= 28; day++) {
    const date = addDays(today, day)
    for (const clinic of setup.clinics) {
      const hours = clinic.hours.get(weekdayOf(date))
      if (!hours) continue
      for (const provider of [clinic.hygienistId, clinic.dentistId]) {
        const isHygienist = provider === clinic.hygienistId
        const slots = between(faker, isHygienist ? 2 : 1, isHygienist ? 4 : 2)
        const taken = new Set<number>()
        for (let index = 0; index < slots; index++) {
          const start = hours[0] + between(faker, 0, (hours[1] - hours[0]) / 60 - 1) * 60
          if (taken.has(start)) continue
          taken.add(start)
          const recallType = isHygienist
            ? pick(faker, [
                setup.recallTypes.prophy,
                setup.recallTypes.prophy,
                setup.recallTypes.childProphy,
                setup.recallTypes.perio,
              ])
            : pick(faker, [setup.recallTypes.prophy, setup.recallTypes.childProphy])
          rows.push({
            practice_id: setup.practiceId,
            external_id: ids.next('web_sched_open_times'),
            clinic_id: clinic.id,
            provider_id: provider,
            recall_type_id: recallType,
            starts_at: clock.at(date, start),
            length_minutes: recallType === setup.recallTypes.childProphy ? 45 : 60,
          })
        }
      }
    }
  }
  if (rows.length > 0) await db.insertInto('web_sched_open_times').values(rows).execute()
}

function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const PRIVACY_POLICY = `Maple Grove Dental respects your privacy.

We use the information in this portal only to provide your dental care, to schedule your visits and to manage your account. We do not sell your information. Your health information is protected under the Health Insurance Portability and Accountability Act (HIPAA) and is shared only with people involved in your care, your insurer when you ask us to bill them, or as the law requires.

Every time your health information is viewed, downloaded or sent from this portal, we record it, and you can review that history on the Summary tab.

Questions about privacy? Call (763) 555-0100 or write to privacy@maplegrovedental.example.`
