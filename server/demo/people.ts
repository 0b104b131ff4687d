import type { Faker } from '@faker-js/faker'
import type { PatientStatus } from '../platform/db/schema.ts'
import type { Member } from './context.ts'
import { addDays, addYears, type CalendarDate } from './dates.ts'
import type { PatientDraft } from './drafts.ts'
import type { Clinic } from './practice.ts'
import { between, chance, pick, weighted } from './random.ts'

/** Towns around the two clinics, with their real ZIP codes, so addresses look local. */
const TOWNS = [
  { city: 'Maple Grove', zips: ['55311', '55369'], weight: 30 },
  { city: 'Plymouth', zips: ['55441', '55446', '55447'], weight: 20 },
  { city: 'Osseo', zips: ['55369'], weight: 6 },
  { city: 'Brooklyn Park', zips: ['55443', '55444', '55445'], weight: 12 },
  { city: 'Champlin', zips: ['55316'], weight: 7 },
  { city: 'Rogers', zips: ['55374'], weight: 6 },
  { city: 'Dayton', zips: ['55327'], weight: 3 },
  { city: 'Corcoran', zips: ['55340'], weight: 3 },
  { city: 'Medina', zips: ['55340'], weight: 3 },
  { city: 'Minneapolis', zips: ['55405', '55411', '55422'], weight: 10 },
] as const

/** The 555-01xx block is reserved for fiction, so no real person gets a demo call. */
export function fictionalPhone(faker: Faker): string {
  return `(${pick(faker, ['763', '612', '952'])}) 555-01${String(between(faker, 0, 99)).padStart(2, '0')}`
}

export interface Address {
  address1: string
  address2: string | null
  city: string
  region: string
  postal_code: string
  country: string
}

export function localAddress(faker: Faker): Address {
  const town = weighted(
    faker,
    TOWNS.map((t) => [t, t.weight] as const),
  )
  return {
    address1: `${between(faker, 100, 19999)} ${faker.location.street()}`,
    address2: chance(faker, 0.12) ? `Apt ${between(faker, 101, 420)}` : null,
    city: town.city,
    region: 'MN',
    postal_code: pick(faker, town.zips),
    country: 'US',
  }
}

function birthdateForAge(faker: Faker, today: CalendarDate, age: number): CalendarDate {
  // Somewhere in the year after the birthday that made them `age`.
  return addDays(addYears(today, -age), -between(faker, 1, 360))
}

const LANGUAGES = [
  ['en', 88],
  ['es', 6],
  ['so', 2],
  ['hmn', 2],
  ['vi', 2],
] as const

// CDC race and ethnicity codes, as the care summary reports them.
const RACES = [
  ['2106-3', 70],
  ['2054-5', 10],
  ['2028-9', 8],
  ['1002-5', 2],
  ['2131-1', 10],
] as const

function person(
  faker: Faker,
  context: {
    today: CalendarDate
    externalId: string
    guarantor: string
    relationship: string
    sex: 'F' | 'M'
    age: number
    lastName: string
    address: Address
    status: PatientStatus
    clinic: Clinic
    email: boolean
  },
): PatientDraft {
  const sex = context.sex === 'F' ? 'female' : 'male'
  const firstName = faker.person.firstName(sex)
  const language = weighted(faker, LANGUAGES)
  const hispanic = language === 'es' || chance(faker, 0.05)
  const phone = fictionalPhone(faker)
  return {
    external_id: context.externalId,
    guarantor: context.guarantor,
    relationship_to_guarantor: context.relationship,
    first_name: firstName,
    middle_name: chance(faker, 0.3) ? faker.person.firstName(sex) : null,
    last_name: context.lastName,
    preferred_name: chance(faker, 0.05) ? firstName.slice(0, 3) : null,
    birthdate: birthdateForAge(faker, context.today, context.age),
    birth_sex: context.sex,
    status: context.status,
    email: context.email
      ? `${firstName}.${context.lastName}${between(faker, 1, 99)}@${pick(faker, ['example.com', 'example.net', 'example.org'])}`
          .toLowerCase()
          .replace(/[^a-z0-9.@]/g, '')
      : null,
    phone_home: chance(faker, 0.3) ? fictionalPhone(faker) : null,
    phone_wireless: context.age >= 13 ? phone : null,
    phone_work: context.age >= 20 && chance(faker, 0.2) ? fictionalPhone(faker) : null,
    ...context.address,
    language,
    race_code: weighted(faker, RACES),
    ethnicity_code: hispanic ? '2135-2' : '2186-5',
    clinic_id: context.clinic.id,
    primary_provider_id: context.clinic.dentistId,
  }
}

function memberStatus(faker: Faker, age: number, isHead: boolean): PatientStatus {
  return weighted(faker, [
    ['Patient', 84],
    ['Inactive', 6],
    ['NonPatient', isHead ? 4 : 0.5],
    ['Archived', 3],
    ['Prospective', 2],
    ['Deceased', age > 70 ? 3 : 0],
  ])
}

/**
 * One household: a guarantor alone, a couple, or parents (or a single parent) with children,
 * sharing an address and a surname (mostly). `size` caps the family at the patients left.
 */
export function generateFamilyMembers(
  faker: Faker,
  today: CalendarDate,
  clinics: readonly Clinic[],
  nextId: () => string,
  maxSize: number,
): Member[] {
  const shape = weighted(faker, [
    ['single', 32],
    ['couple', 22],
    ['singleParent', 10],
    ['parents', 36],
  ] as const)
  const withKids = shape === 'singleParent' || shape === 'parents'
  const headAge = withKids ? between(faker, 26, 55) : between(faker, 19, 88)
  const headSex = chance(faker, 0.55) ? 'F' : 'M'
  const lastName = faker.person.lastName()
  const address = localAddress(faker)
  const clinic = weighted(faker, [
    [clinics[0] as Clinic, 65],
    [clinics[1] as Clinic, 35],
  ])
  const headId = nextId()
  const members: Member[] = []
  const add = (relationship: string, sex: 'F' | 'M', age: number, surname: string) => {
    const externalId = members.length === 0 ? headId : nextId()
    const status = memberStatus(faker, age, members.length === 0)
    const patient = person(faker, {
      today,
      externalId,
      guarantor: headId,
      relationship,
      sex,
      age,
      lastName: surname,
      address,
      status,
      clinic,
      email: age >= 16 && chance(faker, 0.85),
    })
    members.push({ patient, age, clinic, isGuarantor: members.length === 0 })
  }
  add('Self', headSex, headAge, lastName)
  if ((shape === 'couple' || shape === 'parents') && members.length < maxSize) {
    const spouseSurname = chance(faker, 0.8) ? lastName : faker.person.lastName()
    add(
      'Spouse',
      headSex === 'F' ? 'M' : 'F',
      Math.max(19, headAge + between(faker, -6, 6)),
      spouseSurname,
    )
  }
  if (withKids) {
    const kids = weighted(faker, [
      [1, 35],
      [2, 40],
      [3, 20],
      [4, 5],
    ])
    for (let index = 0; index < kids && members.length < maxSize; index++) {
      const age = Math.max(0, Math.min(headAge - 18, between(faker, 1, 19)))
      add('Child', chance(faker, 0.5) ? 'F' : 'M', age, lastName)
    }
  }
  return members
}
