import { recordAudit } from '../../platform/audit/audit.ts'
import type { Database } from '../../platform/db/database.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../platform/i18n/languages.ts'
import { translate } from '../../platform/i18n/translate.ts'
import { enqueueJob } from '../../platform/jobs/queue.ts'
import type { JobHandler } from '../../platform/jobs/worker.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { HIDDEN_SECRET, type SecretBox } from '../../platform/mail/secrets.ts'
import { findUserForSignIn } from './queries.ts'
import { issueResetCode, RESET_CODE_MINUTES } from './reset-codes.ts'

export const PASSWORD_RESET_REQUEST_JOB = 'password-reset.request'

export interface ResetRequest {
  practiceId: number
  username: string
  ip: string
  publicUrl: string
  /** The language of the page the request came from: the email is written in it. */
  language: Language
}

/**
 * "Forgot password" only queues the request: looking the user up and writing the email happen in
 * the job, so the answer takes the same time whether or not the user name exists.
 */
export async function queueResetRequest(db: Database, request: ResetRequest) {
  await enqueueJob(db, {
    practiceId: request.practiceId,
    kind: PASSWORD_RESET_REQUEST_JOB,
    payload: {
      username: request.username,
      ip: request.ip,
      publicUrl: request.publicUrl,
      language: request.language,
    },
    maxAttempts: 3,
  })
}

/** Issues the code and queues its email in one transaction, or records why nothing was sent. */
export function passwordResetRequestJob(db: Database, secrets: SecretBox): JobHandler {
  return async (job) => {
    const practiceId = job.practice_id
    if (practiceId === null) return
    const username = String(job.payload.username)
    const ip = String(job.payload.ip)
    const publicUrl = String(job.payload.publicUrl)
    // Jobs queued before languages existed have none: English, as they were.
    const language = isLanguage(job.payload.language) ? job.payload.language : DEFAULT_LANGUAGE
    const user = await findUserForSignIn(db, practiceId, username)
    if (!user?.email) return
    const email = user.email
    const practice = await db
      .selectFrom('practices')
      .select('name')
      .where('id', '=', practiceId)
      .executeTakeFirstOrThrow()
    await db.transaction().execute(async (trx) => {
      const code = await issueResetCode(trx, practiceId, user.id)
      if (code) {
        await queueEmail(trx, {
          practiceId,
          kind: 'password-reset',
          to: email,
          subject: translate(language, 'resetEmail.subject', { practice: practice.name }),
          text: translate(language, 'resetEmail.body', {
            practice: practice.name,
            code: HIDDEN_SECRET,
            url: `${publicUrl}/forgot-password`,
            minutes: RESET_CODE_MINUTES,
          }),
          sealedSecret: secrets.seal(code),
        })
      }
      await recordAudit(trx, {
        practiceId,
        actor: { type: 'anonymous' },
        action: 'portal.password_reset_requested',
        outcome: code ? 'success' : 'failure',
        targetType: 'portal_user',
        targetId: user.id,
        ip,
        details: code ? {} : { reason: 'too-many-requests' },
      })
    })
  }
}

// The email (server/platform/i18n/messages): no health information and no user name, only the
// code and where to type it.
