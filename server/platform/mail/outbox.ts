import type { Transporter } from 'nodemailer'
import type { Database } from '../db/database.ts'
import { enqueueJob } from '../jobs/queue.ts'
import type { JobHandler } from '../jobs/worker.ts'
import { isPermanentRefusal } from './rules.ts'
import { HIDDEN_SECRET, type SecretBox } from './secrets.ts'

export const SEND_EMAIL_JOB = 'email.send'

export interface OutgoingEmail {
  practiceId: number
  /** What the email is for, e.g. `password-reset`, `access-invitation`. */
  kind: string
  to: string
  subject: string
  text: string
  html?: string
  attachments?: { filename: string; contentType: string; storageKey: string }[]
  /** `direct`: a Direct (secure health) address, sent through the Direct relay (DIRECT_SMTP_URL). */
  relay?: 'smtp' | 'direct'
  /**
   * The secret the email carries (a one-time password, a reset code), sealed with the server's
   * SecretBox. The text says HIDDEN_SECRET where it goes: only the copy sent has it.
   */
  sealedSecret?: string
}

/**
 * Every email the practice sends goes through here: kept in `outgoing_emails` (the office's
 * Outgoing email page lists them) and sent by a job, so a mail server that is down delays an
 * email but never loses it. Without SMTP the email is only stored, for the demo to read; a
 * secret it carries is never kept readable (see `sealedSecret`).
 */
export async function queueEmail(db: Database, email: OutgoingEmail) {
  if (email.sealedSecret !== undefined && !email.text.includes(HIDDEN_SECRET)) {
    throw new Error('An email with a secret must say HIDDEN_SECRET where the secret goes')
  }
  const row = await db
    .insertInto('outgoing_emails')
    .values({
      practice_id: email.practiceId,
      kind: email.kind,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html ?? null,
      attachments: JSON.stringify(email.attachments ?? []),
      carries_secret: email.sealedSecret !== undefined,
      sealed_secret: email.sealedSecret ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await enqueueJob(db, {
    practiceId: email.practiceId,
    kind: SEND_EMAIL_JOB,
    payload: { emailId: row.id, ...(email.relay === 'direct' ? { relay: 'direct' } : {}) },
  })
  return row.id
}

export interface MailDelivery {
  /** Undefined when no SMTP server is configured: emails are stored, not sent. */
  transport: Transporter | undefined
  /** The SMTP relay for Direct addresses (DIRECT_SMTP_URL); undefined when none is configured. */
  directTransport?: Transporter | undefined
  from: string
  readAttachment?: (storageKey: string) => Promise<Buffer>
  /** Opens the secrets of emails that carry one; without it such emails cannot be sent. */
  secrets?: SecretBox
}

/** The job that sends (or, without SMTP, stores) one queued email. */
export function sendEmailJob(db: Database, delivery: MailDelivery): JobHandler {
  const send: JobHandler = async (job, { final }) => {
    const emailId = Number(job.payload.emailId)
    const email = await db
      .selectFrom('outgoing_emails')
      .selectAll()
      .where('id', '=', emailId)
      .executeTakeFirst()
    if (!email || email.status === 'sent' || email.status === 'stored') return
    // Settled once already: its secret is gone, and a copy without it would only confuse.
    if (email.carries_secret && !email.sealed_secret) return
    const direct = job.payload.relay === 'direct'
    const transport = direct ? delivery.directTransport : delivery.transport
    if (!transport) {
      // No mail server at all (the demo): kept for the office's Outgoing email page. A Direct
      // message where only ordinary SMTP is configured cannot be sent: say so, don't retry.
      if (direct && delivery.transport) {
        await markEmail(db, emailId, 'failed', 'No Direct relay is configured for this practice.')
      } else {
        await markEmail(db, emailId, 'stored', null)
      }
      return
    }
    const secret = email.sealed_secret ? delivery.secrets?.open(email.sealed_secret) : ''
    if (secret === undefined) {
      await markEmail(db, emailId, 'failed', SECRET_LOST)
      return
    }
    const reveal = (body: string) => (secret ? body.replaceAll(HIDDEN_SECRET, secret) : body)
    try {
      await transport.sendMail({
        from: delivery.from,
        to: email.to_address,
        subject: email.subject,
        text: reveal(email.text_body),
        ...(email.html_body ? { html: reveal(email.html_body) } : {}),
        attachments: await loadAttachments(email.attachments, delivery),
      })
      await markEmail(db, emailId, 'sent', null)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      if (isPermanentRefusal(error)) {
        // Refused for good (a mailbox that does not exist, say): the sender hears it now, not
        // after three quarters of an hour of retries that can only be refused again.
        await markEmail(db, emailId, 'failed', reason)
        return
      }
      await markEmail(db, emailId, final ? 'failed' : 'queued', reason)
      throw error
    }
  }
  // The last attempt's worker stopped mid-send (killed, crashed): the sender sees it failed, not
  // pending for ever. An email that did go out before the crash stays sent.
  send.abandon = async (job) => {
    await db
      .updateTable('outgoing_emails')
      .set({ status: 'failed', error: 'Sending was interrupted before it finished.' })
      .where('id', '=', Number(job.payload.emailId))
      .where('status', 'not in', ['sent', 'stored'])
      .execute()
  }
  return send
}

const SECRET_LOST =
  "The code in this email could not be opened (the server's key changed); ask for a new one."

/** The sealed secret goes as the email is settled: sent, kept without a mail server, or failed. */
async function markEmail(
  db: Database,
  emailId: number,
  status: 'sent' | 'stored' | 'failed' | 'queued',
  error: string | null,
) {
  await db
    .updateTable('outgoing_emails')
    .set({
      status,
      error: error?.slice(0, 500) ?? null,
      sent_at: status === 'sent' ? new Date() : null,
      ...(status === 'queued' ? {} : { sealed_secret: null }),
    })
    .where('id', '=', emailId)
    .execute()
}

async function loadAttachments(stored: unknown, delivery: MailDelivery) {
  const list = (typeof stored === 'string' ? JSON.parse(stored) : stored) as NonNullable<
    OutgoingEmail['attachments']
  >
  if (!list?.length || !delivery.readAttachment) return []
  const read = delivery.readAttachment
  return Promise.all(
    list.map(async (item) => ({
      filename: item.filename,
      contentType: item.contentType,
      content: await read(item.storageKey),
    })),
  )
}
