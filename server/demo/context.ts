import type { Faker } from '@faker-js/faker'
import type { CalendarDate, ClinicClock } from './dates.ts'
import type { FamilyDrafts, PatientDraft } from './drafts.ts'
import type { DemoFiles } from './files.ts'
import type { Clinic, PracticeSetup } from './practice.ts'
import type { ExternalIds } from './random.ts'

/** What every part of the generator reads: the seeded randomness, the practice, and `today`. */
export interface DemoContext {
  faker: Faker
  ids: ExternalIds
  setup: PracticeSetup
  files: DemoFiles
  clock: ClinicClock
  /** The practice's calendar date everything is relative to. */
  today: CalendarDate
  drafts: FamilyDrafts
  /** Families past this many share one sample statement PDF instead of getting their own. */
  ownStatementPdfs: boolean
}

export interface Member {
  patient: PatientDraft
  age: number
  clinic: Clinic
  isGuarantor: boolean
}

export function isChild(member: Member): boolean {
  return member.age < 14
}
