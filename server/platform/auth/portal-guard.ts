import type { FastifyRequest } from 'fastify'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { compiledQuery } from '../db/compiled.ts'
import type { Database } from '../db/database.ts'
import {
  type Dependency,
  isKept,
  NO_READ_CACHE,
  type ReadCache,
  type ReadOptions,
} from '../db/read-cache.ts'
import { perRequest } from '../http/per-request.ts'
import { NotFound, Problem, Unauthorized } from '../http/problems.ts'
import {
  featureEnabled,
  type PortalFeature,
  type SignInStage,
  signInStage,
} from './access-rules.ts'
import { sessionToken } from './cookies.ts'
import { type ActiveSession, continueSession } from './sessions.ts'
import { hashToken } from './tokens.ts'

export interface PortalContext {
  session: ActiveSession
  user: PortalUser
  settings: PortalSettings
  practice: PortalPractice
  stage: SignInStage
  /** The patients this user may see: themself first, then those they represent. */
  family: readonly FamilyMember[]
  /** Their ids, in the same order. */
  patientIds: readonly number[]
}

type SessionContextRow = NonNullable<Awaited<ReturnType<typeof sessionContext.executeTakeFirst>>>
export type PortalUser = NonNullable<SessionContextRow['user']>
export type PortalSettings = NonNullable<SessionContextRow['settings']>
/** A patient the user may see, with what the tabs decide on (status, the family's guarantor). */
export type FamilyMember = NonNullable<SessionContextRow['self']>
/** The session's practice: its name, the clinics' default time zone and the money it counts in. */
export type PortalPractice = NonNullable<SessionContextRow['practice']>

export class FeatureDisabled extends Problem {
  constructor() {
    super(403, 'feature-disabled', 'Not offered', 'Your dental office does not offer this online.')
  }
}

export class SignInIncomplete extends Problem {
  constructor(stage: SignInStage) {
    super(403, 'sign-in-incomplete', 'Sign-in not finished', `First: ${stage}.`)
  }
}

const contexts = perRequest<PortalContext | null>('portal context')

/**
 * The one access guard for the patient portal. Every portal route asks it, and it alone decides:
 * which portal user is signed in (and for which practice), whether they have finished signing
 * in, whether a feature is switched on in Portal Settings, and whether a patient id in the URL is
 * the user or a family member they represent. Ids from the client are never trusted alone.
 */
export function createPortalGuard(db: Database, reads: ReadCache = NO_READ_CACHE) {
  async function context(request: FastifyRequest, fresh = false): Promise<PortalContext | null> {
    const known = contexts.get(request)
    if (known !== undefined) return known
    const resolved = await resolveContext(db, reads, request, fresh)
    contexts.set(request, resolved)
    return resolved
  }

  return {
    context,

    /**
     * Reads the context again after the route changed it (password set, verified): from the
     * database, since the kept one has not heard of the change yet.
     */
    async refresh(request: FastifyRequest): Promise<PortalContext> {
      contexts.forget(request)
      const found = await context(request, true)
      if (!found) throw new Unauthorized('Your session has ended. Please sign in again.')
      return found
    },

    /**
     * The signed-in user; unless `allowIncomplete`, only once first-sign-in steps are done. A
     * session still owing its second factor is refused even then, unless `beforeSecondFactor`:
     * a password alone opens nothing but the code step.
     */
    async user(
      request: FastifyRequest,
      options: { allowIncomplete?: boolean; beforeSecondFactor?: boolean } = {},
    ) {
      const found = await context(request)
      if (!found) throw new Unauthorized('Your session has ended. Please sign in again.')
      const waitsForCode = found.stage === 'second-factor' && !options.beforeSecondFactor
      if ((!options.allowIncomplete && found.stage !== 'ready') || waitsForCode) {
        throw new SignInIncomplete(found.stage)
      }
      return found
    },

    /**
     * The patient a route names, when the user may see them and the feature is on. A patient
     * outside the user's family answers exactly like one that does not exist.
     */
    async patient(request: FastifyRequest, patientId: number, feature: PortalFeature) {
      const found = await this.user(request)
      if (!featureEnabled(found.settings, feature)) throw new FeatureDisabled()
      const patient = found.family.find((member) => member.id === patientId)
      if (!patient) throw new NotFound()
      return { ...found, patientId, patient }
    },

    /** A feature check for routes that are not about one patient (e.g. the practice's hours). */
    async feature(request: FastifyRequest, feature: PortalFeature) {
      const found = await this.user(request)
      if (!featureEnabled(found.settings, feature)) throw new FeatureDisabled()
      return found
    },
  }
}

export type PortalGuard = ReturnType<typeof createPortalGuard>

async function resolveContext(
  db: Database,
  reads: ReadCache,
  request: FastifyRequest,
  fresh: boolean,
) {
  const token = sessionToken(request, 'portal')
  return token ? portalContextFromToken(db, token, reads, { fresh }) : null
}

/** The context a session token gives, e.g. right after signing in, before the cookie is back. */
export async function portalContextFromToken(
  db: Database,
  token: string,
  reads: ReadCache = NO_READ_CACHE,
  options: ReadOptions = {},
): Promise<PortalContext | null> {
  const tokenHash = hashToken(token)
  const found = await reads.read(
    `portal-session:${tokenHash}`,
    () => sessionContext.executeTakeFirst(db, { tokenHash }),
    sessionContextDependencies,
    options,
  )
  const shared = found && sharedContext(found)
  if (!shared) return null
  const session = await continueSession(db, shared.session)
  if (!session) return null
  const stage = signInStage({
    passwordIsTemporary: shared.user.password_is_temporary,
    verificationRequired: shared.settings.verify_personal_info,
    verifiedAt: session.personal_info_verified_at,
    secondFactorStep: session.second_factor_step,
  })
  return { ...shared, session, stage }
}

const sharedContexts = new WeakMap<SessionContextRow, Omit<PortalContext, 'stage'> | null>()

/** contextOfRow, worked out once per kept row: a kept read serves many requests. */
function sharedContext(found: SessionContextRow) {
  if (sharedContexts.has(found)) return sharedContexts.get(found) ?? null
  const shared = contextOfRow(found)
  if (isKept(found)) sharedContexts.set(found, shared)
  return shared
}

/** The parts of the context that follow from the row alone; null when it names no usable user. */
function contextOfRow(found: SessionContextRow): Omit<PortalContext, 'stage'> | null {
  const { user, settings, practice, self, represented, ...session } = found
  if (!user || !settings || !practice || !self) return null
  const family = Object.freeze([self, ...represented])
  return Object.freeze({
    session: Object.freeze(session),
    user,
    settings,
    practice,
    family,
    patientIds: Object.freeze(family.map((member) => member.id)),
  })
}

/**
 * Every request of a signed-in patient asks this, so it is one round trip: the session row with
 * its portal user, the practice's Portal Settings and the family the user represents. It is kept
 * in memory until any of those rows changes (sessionContextDependencies), so a change in Portal
 * Settings or in a family still takes effect on the next request.
 */
export const sessionContext = compiledQuery((db, values: { tokenHash: string }) =>
  db
    .selectFrom('sessions')
    .selectAll('sessions')
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('portal_users')
          .select(PORTAL_USER_COLUMNS)
          .whereRef('portal_users.id', '=', 'sessions.portal_user_id')
          .whereRef('portal_users.practice_id', '=', 'sessions.practice_id')
          .where('portal_users.removed_at', 'is', null),
      ).as('user'),
      jsonObjectFrom(
        eb
          .selectFrom('portal_settings')
          .select(PORTAL_SETTINGS_COLUMNS)
          .whereRef('portal_settings.practice_id', '=', 'sessions.practice_id'),
      ).as('settings'),
      jsonObjectFrom(
        eb
          .selectFrom('practices')
          .select(['practices.name', 'practices.time_zone', 'practices.currency'])
          .whereRef('practices.id', '=', 'sessions.practice_id'),
      ).as('practice'),
      jsonObjectFrom(
        eb
          .selectFrom('portal_users')
          .innerJoin('patients', 'patients.id', 'portal_users.patient_id')
          .select(FAMILY_MEMBER_COLUMNS)
          .whereRef('portal_users.id', '=', 'sessions.portal_user_id')
          .whereRef('patients.practice_id', '=', 'sessions.practice_id'),
      ).as('self'),
      jsonArrayFrom(
        eb
          .selectFrom('portal_users')
          .innerJoin(
            'patient_representatives',
            'patient_representatives.representative_id',
            'portal_users.patient_id',
          )
          .innerJoin('patients', 'patients.id', 'patient_representatives.patient_id')
          .select(FAMILY_MEMBER_COLUMNS)
          .whereRef('portal_users.id', '=', 'sessions.portal_user_id')
          .whereRef('patient_representatives.practice_id', '=', 'sessions.practice_id')
          .whereRef('patients.practice_id', '=', 'sessions.practice_id')
          .whereRef('patients.id', '<>', 'portal_users.patient_id')
          .orderBy('patients.birthdate')
          .orderBy('patients.id'),
      ).as('represented'),
    ])
    .where('sessions.token_hash', '=', values.tokenHash)
    .where('sessions.portal_user_id', 'is not', null),
)

/** Every row the session context was read from, by the key its change is announced with. */
export function sessionContextDependencies(found: SessionContextRow | undefined): Dependency[] {
  if (!found) return []
  const family = found.self ? [found.self, ...found.represented] : []
  return [
    ['sessions', found.id],
    ['portal_users', found.portal_user_id ?? 0],
    ['portal_settings', found.practice_id],
    ['practices', found.practice_id],
    // Without its own patient row the user sees no one; any patient row added may be theirs.
    found.self ? ['patient_representatives', found.self.id] : ['patients'],
    ...family.map((member): Dependency => ['patients', member.id]),
  ]
}

const FAMILY_MEMBER_COLUMNS = [
  'patients.id',
  'patients.first_name',
  'patients.last_name',
  'patients.preferred_name',
  'patients.status',
  'patients.guarantor_id',
] as const

const PORTAL_USER_COLUMNS = [
  'portal_users.id',
  'portal_users.practice_id',
  'portal_users.patient_id',
  'portal_users.username',
  'portal_users.password_is_temporary',
  'portal_users.username_change_offered',
] as const

// Everything but `updated_at`: a timestamp would arrive as text through JSON.
const PORTAL_SETTINGS_COLUMNS = [
  'portal_settings.practice_id',
  'portal_settings.feature_make_payments',
  'portal_settings.feature_account',
  'portal_settings.feature_webmail',
  'portal_settings.feature_care_summary',
  'portal_settings.feature_images',
  'portal_settings.feature_appointments',
  'portal_settings.feature_treatment_plan',
  'portal_settings.idle_timeout_minutes',
  'portal_settings.verify_personal_info',
  'portal_settings.privacy_policy',
  'portal_settings.webmail_notification_subject',
  'portal_settings.webmail_notification_body',
  'portal_settings.payment_processor',
  'portal_settings.second_factor_patients',
] as const

export async function findPortalSettings(db: Database, practiceId: number) {
  return db
    .selectFrom('portal_settings')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .executeTakeFirst()
}

/** The user's own patient record, then everyone they are the authorized representative of. */
export async function findAccessiblePatientIds(
  db: Database,
  practiceId: number,
  patientId: number,
): Promise<number[]> {
  const represented = await db
    .selectFrom('patient_representatives')
    .innerJoin('patients', 'patients.id', 'patient_representatives.patient_id')
    .select('patients.id')
    .where('patient_representatives.practice_id', '=', practiceId)
    .where('patients.practice_id', '=', practiceId)
    .where('patient_representatives.representative_id', '=', patientId)
    .orderBy('patients.birthdate')
    .orderBy('patients.id')
    .execute()
  return [patientId, ...represented.map((row) => row.id).filter((id) => id !== patientId)]
}
