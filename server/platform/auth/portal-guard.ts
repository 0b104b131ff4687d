import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/database.ts'
import { NotFound, Problem, Unauthorized } from '../http/problems.ts'
import {
  featureEnabled,
  type PortalFeature,
  type SignInStage,
  signInStage,
} from './access-rules.ts'
import { sessionToken } from './cookies.ts'
import { type ActiveSession, resumeSession } from './sessions.ts'

export interface PortalContext {
  session: ActiveSession
  user: PortalUser
  settings: PortalSettings
  stage: SignInStage
  /** The patients this user may see: themself first, then those they represent. */
  patientIds: number[]
}

export type PortalUser = NonNullable<Awaited<ReturnType<typeof findPortalUser>>>
export type PortalSettings = NonNullable<Awaited<ReturnType<typeof findPortalSettings>>>

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

const contexts = new WeakMap<FastifyRequest, PortalContext | null>()

/**
 * The one access guard for the patient portal. Every portal route asks it, and it alone decides:
 * which portal user is signed in (and for which practice), whether they have finished signing
 * in, whether a feature is switched on in Portal Settings, and whether a patient id in the URL is
 * the user or a family member they represent. Ids from the client are never trusted alone.
 */
export function createPortalGuard(db: Database) {
  async function context(request: FastifyRequest): Promise<PortalContext | null> {
    if (contexts.has(request)) return contexts.get(request) ?? null
    const resolved = await resolveContext(db, request)
    contexts.set(request, resolved)
    return resolved
  }

  return {
    context,

    /** Reads the context again after the route changed it (password set, verified). */
    async refresh(request: FastifyRequest): Promise<PortalContext> {
      contexts.delete(request)
      const found = await context(request)
      if (!found) throw new Unauthorized('Your session has ended. Please sign in again.')
      return found
    },

    /** The signed-in user; unless `allowIncomplete`, only once first-sign-in steps are done. */
    async user(request: FastifyRequest, options: { allowIncomplete?: boolean } = {}) {
      const found = await context(request)
      if (!found) throw new Unauthorized('Your session has ended. Please sign in again.')
      if (!options.allowIncomplete && found.stage !== 'ready') {
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
      if (!found.patientIds.includes(patientId)) throw new NotFound()
      return { ...found, patientId }
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

async function resolveContext(db: Database, request: FastifyRequest) {
  const token = sessionToken(request, 'portal')
  return token ? portalContextFromToken(db, token) : null
}

/** The context a session token gives, e.g. right after signing in, before the cookie is back. */
export async function portalContextFromToken(
  db: Database,
  token: string,
): Promise<PortalContext | null> {
  const session = await resumeSession(db, token)
  if (!session?.portal_user_id) return null
  const user = await findPortalUser(db, session.portal_user_id, session.practice_id)
  if (!user) return null
  const settings = await findPortalSettings(db, session.practice_id)
  if (!settings) return null
  const stage = signInStage({
    passwordIsTemporary: user.password_is_temporary,
    verificationRequired: settings.verify_personal_info,
    verifiedAt: session.personal_info_verified_at,
  })
  const patientIds = await findAccessiblePatientIds(db, user.practice_id, user.patient_id)
  return { session, user, settings, stage, patientIds }
}

export async function findPortalUser(db: Database, portalUserId: number, practiceId: number) {
  return db
    .selectFrom('portal_users')
    .select([
      'id',
      'practice_id',
      'patient_id',
      'username',
      'password_is_temporary',
      'username_change_offered',
    ])
    .where('id', '=', portalUserId)
    .where('practice_id', '=', practiceId)
    .where('removed_at', 'is', null)
    .executeTakeFirst()
}

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
