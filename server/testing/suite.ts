import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Selectable } from 'kysely'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { Database } from '../platform/db/database.ts'
import type { ReadCache } from '../platform/db/read-cache.ts'
import type { PortalSettingsTable } from '../platform/db/schema.ts'
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../platform/db/testing.ts'
import { type FileStorage, LocalFileStorage } from '../platform/files/storage.ts'
import type { SecretBox } from '../platform/mail/secrets.ts'
import { FAMILY_PASSWORD, seedFamilyWithRecords } from './family.ts'
import { STAFF_PASSWORD, seedPortalPatient, seedPractice, seedStaff } from './fixtures.ts'
import { buildTestApp, officeSignIn, portalSignIn, TEST_ORIGIN } from './http.ts'

/*
 * The set-up integration suites share, registered as the suite's beforeAll/afterAll: call one of
 * these first in a describe block, then seed in the suite's own beforeAll (it runs after). The
 * returned object is filled in before the first test runs; read its fields inside tests and
 * hooks, never at the describe block's top level.
 */

export interface TestStore {
  database: TestDatabase
  db: Database
  /** Files in a folder of the suite's own, removed afterwards. */
  files: FileStorage
}

export interface TestApp extends TestStore {
  app: FastifyInstance
  reads: ReadCache
  secrets: SecretBox
  /** Waits until every kept read that a write made stale has been dropped. */
  settle(): Promise<void>
}

/** A migrated database of the suite's own and a throwaway files folder; no app. */
export function useTestDatabase(kind: DatabaseKind): TestStore {
  const store = {} as TestStore
  let folder = ''
  beforeAll(async () => {
    store.database = await createTestDatabase(kind)
    store.db = store.database.db
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-test-'))
    store.files = new LocalFileStorage(folder)
  })
  afterAll(async () => {
    await store.database?.destroy()
    if (folder) await fs.rm(folder, { recursive: true, force: true })
  })
  return store
}

/** The whole app (buildTestApp) over a database of the suite's own. */
export function useTestApp(
  kind: DatabaseKind,
  options: Parameters<typeof buildTestApp>[1] = {},
): TestApp {
  const suite = {} as TestApp
  let close = async () => {}
  beforeAll(async () => {
    suite.database = await createTestDatabase(kind)
    suite.db = suite.database.db
    const built = await buildTestApp(suite.database, options)
    close = built.close
    Object.assign(suite, {
      app: built.app,
      files: built.files,
      reads: built.reads,
      secrets: built.secrets,
      settle: built.reads.settle,
    })
  })
  afterAll(async () => {
    await close()
    await suite.database?.destroy()
  })
  return suite
}

export type SeededFamily = Awaited<ReturnType<typeof seedFamilyWithRecords>>

export interface FamilyApp extends TestApp {
  family: SeededFamily
  /** Session cookies of the family's portal users, signed in once for the suite. */
  cookies: { maria: string; luis: string; ann: string }
}

/**
 * The app with the Garcia family (seedFamilyWithRecords) and the Smiths next door, Maria, Luis
 * and Ann signed in.
 */
export function useFamilyApp(
  kind: DatabaseKind,
  options: Parameters<typeof buildTestApp>[1] & {
    /** Runs on the empty database before the family is seeded. */
    beforeSeeding?: (db: Database) => Promise<void>
  } = {},
): FamilyApp {
  const { beforeSeeding, ...appOptions } = options
  const suite = useTestApp(kind, appOptions) as FamilyApp
  beforeAll(async () => {
    await beforeSeeding?.(suite.db)
    suite.family = await seedFamilyWithRecords(suite.db, { files: suite.files })
    const signIn = (username: string) => portalSignIn(suite.app, username, FAMILY_PASSWORD)
    suite.cookies = {
      maria: await signIn('maria.garcia'),
      luis: await signIn('luis.garcia'),
      ann: await signIn('ann.smith'),
    }
  })
  return suite
}

/** A staff member seeded into the practice and signed in to the office: id and session cookie. */
export async function signedInStaff(
  suite: Pick<TestApp, 'app' | 'db'>,
  options: Parameters<typeof seedStaff>[1],
) {
  const id = await seedStaff(suite.db, options)
  const cookie = await officeSignIn(suite.app, options.username, options.password ?? STAFF_PASSWORD)
  return { id, cookie }
}

/** Requests as a family member (Maria unless another's cookie is given), as her browser sends them. */
export function familyRequests(suite: FamilyApp) {
  return {
    get: (url: string, cookie = suite.cookies.maria) =>
      suite.app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object = {}, cookie = suite.cookies.maria) =>
      suite.app.inject({ method: 'POST', url, payload, headers: { cookie, origin: TEST_ORIGIN } }),
    /** The URL of one patient's routes. */
    base: (patient: keyof SeededFamily['patients']) =>
      `/api/portal/patients/${suite.family.patients[patient]}`,
  }
}

/** Who works at the practice in the office suites, with the passwords they sign in with. */
export const OFFICE_TEAM = {
  admin: { username: 'admin', password: 'admin password 1', role: 'admin' },
  desk: { username: 'desk', password: 'desk password 1', role: 'front_desk' },
  provider: { username: 'dr.lee', password: 'provider password 1', role: 'provider' },
} as const

/** The practice's administrator, front desk and provider, each seeded and signed in. */
export async function signedInOfficeTeam(suite: Pick<TestApp, 'app' | 'db'>, practiceId: number) {
  return {
    admin: await signedInStaff(suite, { practiceId, ...OFFICE_TEAM.admin }),
    desk: await signedInStaff(suite, { practiceId, ...OFFICE_TEAM.desk }),
    provider: await signedInStaff(suite, { practiceId, ...OFFICE_TEAM.provider }),
  }
}

/** A tab of the portal a practice switches on or off in Portal Settings. */
export type PortalFeatureSwitch = Extract<
  keyof Selectable<PortalSettingsTable>,
  `feature_${string}`
>

/**
 * Switches a portal feature on or off for the practice, as the office does in Portal Settings,
 * and waits until the app has heard of it (as it hears of another instance's write).
 */
export async function switchPortalFeature(
  suite: Pick<TestApp, 'db' | 'settle'>,
  practiceId: number,
  feature: PortalFeatureSwitch,
  on: boolean,
) {
  await suite.db
    .updateTable('portal_settings')
    .set({ [feature]: on })
    .where('practice_id', '=', practiceId)
    .execute()
  await suite.settle()
}

/** Runs `during` with a portal feature switched off, and switches it back on whatever happens. */
export async function withPortalFeatureOff(
  suite: Pick<TestApp, 'db' | 'settle'>,
  practiceId: number,
  feature: PortalFeatureSwitch,
  during: () => Promise<void>,
) {
  await switchPortalFeature(suite, practiceId, feature, false)
  try {
    await during()
  } finally {
    await switchPortalFeature(suite, practiceId, feature, true)
  }
}

/**
 * Empties the sign-in throttles' counters before each test of the suite: its tests sign in more
 * often, and with more wrong answers, than anyone could from one address in 15 minutes.
 */
export function clearThrottlesBeforeEach(suite: Pick<TestStore, 'db'>) {
  beforeEach(async () => {
    await suite.db.deleteFrom('attempt_counters').execute()
  })
}

export interface NewcomersApp extends TestApp {
  practiceId: number
  /** Seeds a portal patient no test has met yet (Maria, with a numbered surname): the user name. */
  newPatient(): Promise<string>
}

/**
 * The app with one practice whose tests each take a new portal patient, the sign-in throttles
 * emptied before each test: for suites that change a person's sign-in (second factors,
 * passkeys), so no test meets what another left.
 */
export function useNewcomersApp(
  kind: DatabaseKind,
  names: { usernamePrefix: string; lastName: string },
): NewcomersApp {
  const suite = useTestApp(kind) as NewcomersApp
  beforeAll(async () => {
    suite.practiceId = await seedPractice(suite.db)
  })
  clearThrottlesBeforeEach(suite)
  let people = 0
  suite.newPatient = async () => {
    people += 1
    const username = `${names.usernamePrefix}${people}`
    await seedPortalPatient(suite.db, {
      practiceId: suite.practiceId,
      first_name: 'Maria',
      last_name: `${names.lastName}${people}`,
      username,
    })
    return username
  }
  return suite
}
