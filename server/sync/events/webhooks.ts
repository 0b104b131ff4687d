import { newToken } from '../../platform/auth/tokens.ts'
import type { Database } from '../../platform/db/database.ts'
import { Invalid } from '../../platform/http/problems.ts'
import type { JobHandler } from '../../platform/jobs/worker.ts'
import type { SecretBox } from '../../platform/mail/secrets.ts'
import { findPendingEvent, findWebhook, saveWebhook } from './queries.ts'
import { SIGNATURE_HEADER, signWebhook, webhookUrlProblem } from './rules.ts'

/** How long a receiver has to answer before the attempt counts as failed and is retried. */
export const WEBHOOK_TIMEOUT_MS = 10_000

/**
 * Sets the practice's webhook (replacing any) with a new signing secret, answered once: it is
 * stored sealed with the server's key and never shown again. Setting it again makes a new secret.
 */
export async function configureWebhook(
  db: Database,
  secrets: SecretBox,
  practiceId: number,
  url: string,
): Promise<{ url: string; secret: string }> {
  const problem = webhookUrlProblem(url)
  if (problem) throw new Invalid('The webhook address is not valid.', { url: problem })
  const secret = `whsec_${newToken()}`
  await saveWebhook(db, practiceId, { url, sealedSecret: secrets.seal(secret) })
  return { url, secret }
}

/**
 * The `sync.webhook` job (queued with each event when the practice has a webhook): POSTs
 * `{"events":[event]}` signed with the practice's secret. Anything but a 2xx throws, so the job
 * queue retries with its growing delay; at least once, so receivers dedupe by the event's id.
 * Nothing is sent for an event already acknowledged (the PMS has it) or a webhook removed.
 */
export function deliverWebhookJob(
  db: Database,
  secrets: SecretBox,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): JobHandler {
  return async (job) => {
    const practiceId = Number(job.practice_id)
    const webhook = await findWebhook(db, practiceId)
    const event = webhook && (await findPendingEvent(db, practiceId, Number(job.payload.eventId)))
    if (!webhook || !event) return
    const secret = secrets.open(webhook.sealed_secret)
    if (secret === undefined) {
      throw new Error(
        'The webhook secret was sealed with another server key; set the webhook again.',
      )
    }
    const body = JSON.stringify({ events: [event] })
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(secret, Math.floor(Date.now() / 1000), body),
        'bitewing-event-id': event.id,
      },
      body,
      // A redirect is not followed: the signed body goes only where the practice said.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    if (response.status < 200 || response.status > 299) {
      throw new Error(`The webhook answered ${response.status}.`)
    }
  }
}
