import { randomBytes } from 'node:crypto'
import type { Config } from './config.ts'
import type { Database } from './platform/db/database.ts'
import { REMOVE_FILES_JOB, removeFilesJob } from './platform/files/removal.ts'
import type { FileStorage } from './platform/files/storage.ts'
import { createJobWorker } from './platform/jobs/worker.ts'
import { SEND_EMAIL_JOB, sendEmailJob } from './platform/mail/outbox.ts'
import { createSecretBox, type SecretBox } from './platform/mail/secrets.ts'
import { createMailTransport } from './platform/mail/transport.ts'
import type { PaymentProcessors } from './portal/account/payments/processor.ts'
import { paymentProcessors } from './portal/account/payments/processors.ts'
import { reconcilePaymentJob } from './portal/account/payments/reconcile.ts'
import { RECONCILE_PAYMENT_JOB } from './portal/account/payments/settle.ts'
import {
  PASSWORD_RESET_REQUEST_JOB,
  passwordResetRequestJob,
} from './portal/signin/reset-request-job.ts'
import { CREATE_CARE_SUMMARY_JOB, createCareSummaryJob } from './portal/summary/create.ts'
import {
  PRUNE_SYNC_EVENTS_JOB,
  pruneSyncEventsJob,
  schedulePruneSyncEvents,
} from './sync/events/retention.ts'
import { deliverWebhookJob } from './sync/events/webhooks.ts'
import { SYNC_WEBHOOK_JOB } from './sync/outbox.ts'

/** The process's background work: every job kind and its handler, run from the `jobs` table. */
export function createBackgroundWorker(deps: {
  db: Database
  files: FileStorage
  config: Pick<Config, 'smtpUrl' | 'mailFrom'> &
    Partial<
      Pick<
        Config,
        | 'directSmtpUrl'
        | 'jobLeaseSeconds'
        | 'jobConcurrency'
        | 'smtpTimeoutSeconds'
        | 'syncEventRetentionDays'
        | 'stripe'
      >
    >
  pollMilliseconds?: number
  /** Opens the secrets that emails carry: the same box the app sealed them with. */
  secrets?: SecretBox
  onError?: (error: unknown) => void
  /** Card processors to reconcile lost answers with; omitted: the sandbox only. */
  paymentProcessors?: PaymentProcessors
}) {
  // Without the app's box, a key of the worker's own still serves what the worker itself seals
  // (reset codes issued in a job); emails the app sealed then fail with a reason, never unsent.
  const secrets = deps.secrets ?? createSecretBox(randomBytes(32))
  const delivery = {
    transport: createMailTransport(deps.config.smtpUrl, deps.config.smtpTimeoutSeconds),
    directTransport: createMailTransport(deps.config.directSmtpUrl, deps.config.smtpTimeoutSeconds),
    from: deps.config.mailFrom,
    readAttachment: (key: string) => deps.files.get(key),
    secrets,
  }
  const worker = createJobWorker(
    deps.db,
    {
      [SEND_EMAIL_JOB]: sendEmailJob(deps.db, delivery),
      [CREATE_CARE_SUMMARY_JOB]: createCareSummaryJob(deps.db, deps.files),
      [PASSWORD_RESET_REQUEST_JOB]: passwordResetRequestJob(deps.db, secrets),
      [REMOVE_FILES_JOB]: removeFilesJob(deps.files),
      [SYNC_WEBHOOK_JOB]: deliverWebhookJob(deps.db, secrets),
      [RECONCILE_PAYMENT_JOB]: reconcilePaymentJob(
        deps.db,
        deps.paymentProcessors ?? paymentProcessors(deps.db, deps.config.stripe),
      ),
      [PRUNE_SYNC_EVENTS_JOB]: pruneSyncEventsJob(
        deps.db,
        deps.config.syncEventRetentionDays ?? DEFAULT_RETENTION_DAYS,
      ),
    },
    {
      onError: deps.onError,
      leaseSeconds: deps.config.jobLeaseSeconds,
      concurrency: deps.config.jobConcurrency,
      pollMilliseconds: deps.pollMilliseconds,
    },
  )
  return {
    ...worker,
    /** Starts polling, and makes sure the sync events' retention run is scheduled. */
    start() {
      schedulePruneSyncEvents(deps.db).catch((error: unknown) => deps.onError?.(error))
      worker.start()
    },
  }
}

const DEFAULT_RETENTION_DAYS = 30
