import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { verificationLocked } from '../../platform/auth/access-rules.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import { endPortalUserSessions } from '../../platform/auth/sessions.ts'
import { newOneTimePassword, randomDigits } from '../../platform/auth/tokens.ts'
import { clearVerificationMisses } from '../../platform/auth/verification-lock.ts'
import type { Database } from '../../platform/db/database.ts'
import { Conflict, Invalid, NotFound } from '../../platform/http/problems.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { HIDDEN_SECRET, type SecretBox } from '../../platform/mail/secrets.ts'
import { suggestedUsername, usernameProblem } from '../../practice/rules.ts'
import { renderAccessLetter } from './letter.ts'
import {
  findPasswordHash,
  findPatientAccess,
  findPracticeLetterhead,
  grantAccess,
  type PatientAccessRow,
  removeAccess,
  searchPatients,
  setTemporaryPassword,
  usernameInUse,
} from './queries.ts'
import { hasAccess, missingForAccess } from './rules.ts'
import {
  GrantAccess,
  IssuedCredentials,
  OneTimePassword,
  PatientIdParams,
  PatientSearch,
  PatientWithAccess,
} from './schemas.ts'

const ROLES = ['admin', 'front_desk'] as ('admin' | 'front_desk')[]

function patientView(row: PatientAccessRow) {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    birthdate: row.birthdate,
    status: row.status,
    hasEmail: Boolean(row.email),
    missing: missingForAccess(row),
    access:
      hasAccess(row) && row.username
        ? {
            username: row.username,
            awaitingFirstSignIn: row.password_is_temporary ?? false,
            lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
            verificationLocked: verificationLocked(
              {
                failures: row.verification_failures ?? 0,
                lastFailedAt: row.verification_failed_at,
              },
              new Date(),
            ),
          }
        : null,
  }
}

/** Patient Portal Access: give, reset, print, email and remove patients' online access. */
export const accessRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
  publicUrl: string
  secrets: SecretBox
}> = async (app, { db, guard, publicUrl, secrets }) => {
  async function patientOrNotFound(practiceId: number, patientId: number) {
    const row = await findPatientAccess(db, practiceId, patientId)
    if (!row) throw new NotFound('No such patient.')
    return row
  }

  async function checkedOneTimePassword(row: PatientAccessRow, oneTimePassword: string) {
    if (!hasAccess(row) || row.portal_user_id === null || !row.password_is_temporary) {
      throw new Conflict('This patient has no unused one-time password. Reset the password first.')
    }
    const hash = await findPasswordHash(db, row.portal_user_id)
    if (!(await verifyPassword(hash, oneTimePassword))) {
      throw new Invalid('That is not the current one-time password.', {
        oneTimePassword: 'Not the current one-time password; reset the password for a new one.',
      })
    }
    return { username: row.username ?? '', portalUserId: row.portal_user_id }
  }

  // A POST, so names and birthdates never sit in URLs, logs or browser history.
  app.post(
    '/api/office/patients/search',
    { schema: { body: PatientSearch, response: { 200: Type.Array(PatientWithAccess) } } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ROLES)
      reply.header('Cache-Control', 'no-store')
      if (!request.body.name?.trim() && !request.body.birthdate) return []
      const rows = await searchPatients(db, staff.practice_id, request.body)
      return rows.map(patientView)
    },
  )

  app.get(
    '/api/office/patients/:patientId/access',
    { schema: { params: PatientIdParams, response: { 200: PatientWithAccess } } },
    async (request) => {
      const { staff } = await guard.staff(request, ROLES)
      return patientView(await patientOrNotFound(staff.practice_id, request.params.patientId))
    },
  )

  app.post(
    '/api/office/patients/:patientId/access',
    {
      schema: { params: PatientIdParams, body: GrantAccess, response: { 201: IssuedCredentials } },
    },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ROLES)
      const row = await patientOrNotFound(staff.practice_id, request.params.patientId)
      if (hasAccess(row)) throw new Conflict('This patient already has online access.')
      const missing = missingForAccess(row)
      if (missing.length > 0) {
        throw new Invalid(`Add the patient's ${missing.join(', ')} first.`)
      }
      const username = await chooseUsername(staff.practice_id, row, request.body.username)
      const oneTimePassword = newOneTimePassword()
      await db.transaction().execute(async (trx) => {
        await grantAccess(trx, {
          practiceId: staff.practice_id,
          patientId: row.id,
          username,
          passwordHash: await hashPassword(oneTimePassword),
          staffUserId: staff.id,
        })
        await recordAudit(trx, {
          practiceId: staff.practice_id,
          actor: { type: 'staff_user', staffUserId: staff.id },
          action: 'access.granted',
          patientId: row.id,
          ip: clientAddress(request),
        })
      })
      return reply.status(201).send({ username, oneTimePassword })
    },
  )

  async function chooseUsername(practiceId: number, row: PatientAccessRow, wanted?: string) {
    const typed = wanted?.trim()
    if (typed) {
      const problem =
        usernameProblem(typed) ??
        ((await usernameInUse(db, practiceId, typed)) ? 'This user name is taken.' : undefined)
      if (problem) throw new Invalid('Please choose another user name.', { username: problem })
      return typed
    }
    for (let digits = 4; digits <= 8; digits++) {
      const candidate = suggestedUsername(row.first_name, randomDigits(digits))
      if (!(await usernameInUse(db, practiceId, candidate))) return candidate
    }
    throw new Conflict('Could not find a free user name; please type one.')
  }

  app.post(
    '/api/office/patients/:patientId/access/reset',
    { schema: { params: PatientIdParams, response: { 200: IssuedCredentials } } },
    async (request) => {
      const { staff } = await guard.staff(request, ROLES)
      const row = await patientOrNotFound(staff.practice_id, request.params.patientId)
      if (!hasAccess(row) || row.portal_user_id === null || !row.username) {
        throw new Conflict('This patient has no online access yet.')
      }
      const portalUserId = row.portal_user_id
      const oneTimePassword = newOneTimePassword()
      const hash = await hashPassword(oneTimePassword)
      await db.transaction().execute(async (trx) => {
        await setTemporaryPassword(trx, portalUserId, hash)
        await endPortalUserSessions(trx, portalUserId)
        await recordAudit(trx, {
          practiceId: staff.practice_id,
          actor: { type: 'staff_user', staffUserId: staff.id },
          action: 'access.password_reset',
          patientId: row.id,
          ip: clientAddress(request),
        })
      })
      return { username: row.username, oneTimePassword }
    },
  )

  // After three misses at "verify personal information" the account waits for the office (or a day).
  app.post(
    '/api/office/patients/:patientId/access/unlock',
    { schema: { params: PatientIdParams, response: { 200: PatientWithAccess } } },
    async (request) => {
      const { staff } = await guard.staff(request, ROLES)
      const row = await patientOrNotFound(staff.practice_id, request.params.patientId)
      const portalUserId = row.portal_user_id
      if (!hasAccess(row) || portalUserId === null) {
        throw new Conflict('This patient has no online access.')
      }
      await db.transaction().execute(async (trx) => {
        await clearVerificationMisses(trx, portalUserId)
        await recordAudit(trx, {
          practiceId: staff.practice_id,
          actor: { type: 'staff_user', staffUserId: staff.id },
          action: 'access.verification_unlocked',
          patientId: row.id,
          ip: clientAddress(request),
        })
      })
      return patientView(await patientOrNotFound(staff.practice_id, row.id))
    },
  )

  app.delete(
    '/api/office/patients/:patientId/access',
    { schema: { params: PatientIdParams } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ROLES)
      const row = await patientOrNotFound(staff.practice_id, request.params.patientId)
      const portalUserId = row.portal_user_id
      if (!hasAccess(row) || portalUserId === null) {
        throw new Conflict('This patient has no online access.')
      }
      await db.transaction().execute(async (trx) => {
        await removeAccess(trx, portalUserId)
        await endPortalUserSessions(trx, portalUserId)
        await recordAudit(trx, {
          practiceId: staff.practice_id,
          actor: { type: 'staff_user', staffUserId: staff.id },
          action: 'access.removed',
          patientId: row.id,
          ip: clientAddress(request),
        })
      })
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/letter',
    { schema: { params: PatientIdParams, body: OneTimePassword } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ROLES)
      const row = await patientOrNotFound(staff.practice_id, request.params.patientId)
      const { username } = await checkedOneTimePassword(row, request.body.oneTimePassword)
      const pdf = await renderAccessLetter({
        practice: await findPracticeLetterhead(db, staff.practice_id),
        patientName: `${row.first_name} ${row.last_name}`,
        portalUrl: `${publicUrl}/`,
        username,
        oneTimePassword: request.body.oneTimePassword,
      })
      await recordAudit(db, {
        practiceId: staff.practice_id,
        actor: { type: 'staff_user', staffUserId: staff.id },
        action: 'access.letter_printed',
        patientId: row.id,
        ip: clientAddress(request),
      })
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', 'inline; filename="portal-access-letter.pdf"')
        .header('Cache-Control', 'no-store')
        .send(pdf)
    },
  )

  app.post(
    '/api/office/patients/:patientId/access/invitation',
    { schema: { params: PatientIdParams, body: OneTimePassword } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ROLES)
      const row = await patientOrNotFound(staff.practice_id, request.params.patientId)
      if (!row.email) throw new Invalid('This patient has no email address on file.')
      const { username } = await checkedOneTimePassword(row, request.body.oneTimePassword)
      const practice = await findPracticeLetterhead(db, staff.practice_id)
      await queueEmail(db, {
        practiceId: staff.practice_id,
        kind: 'access-invitation',
        to: row.email,
        subject: `Your ${practice.name} patient portal`,
        text: [
          `Hello ${row.first_name},`,
          '',
          `${practice.name} has set up your patient portal account.`,
          `Portal address: ${publicUrl}/`,
          `User name: ${username}`,
          `One-time password: ${HIDDEN_SECRET}`,
          '',
          'The first time you sign in, you will choose your own password.',
          practice.phone ? `Questions? Call us at ${practice.phone}.` : '',
        ].join('\n'),
        sealedSecret: secrets.seal(request.body.oneTimePassword),
      })
      await recordAudit(db, {
        practiceId: staff.practice_id,
        actor: { type: 'staff_user', staffUserId: staff.id },
        action: 'access.invitation_emailed',
        patientId: row.id,
        ip: clientAddress(request),
      })
      return reply.status(202).send({ message: 'The invitation is on its way.' })
    },
  )
}
