import type { Config } from './config.ts'
import type { Database } from './platform/db/database.ts'
import type { FileStorage } from './platform/files/storage.ts'
import { createJobWorker } from './platform/jobs/worker.ts'
import { SEND_EMAIL_JOB, sendEmailJob } from './platform/mail/outbox.ts'
import { createMailTransport } from './platform/mail/transport.ts'
import {
  PASSWORD_RESET_REQUEST_JOB,
  passwordResetRequestJob,
} from './portal/signin/reset-request-job.ts'
import { CREATE_CARE_SUMMARY_JOB, createCareSummaryJob } from './portal/summary/create.ts'

/** The process's background work: every job kind and its handler, run from the `jobs` table. */
export function createBackgroundWorker(deps: {
  db: Database
  files: FileStorage
  config: Pick<Config, 'smtpUrl' | 'mailFrom'> & Partial<Pick<Config, 'directSmtpUrl'>>
  onError?: (error: unknown) => void
}) {
  const delivery = {
    transport: createMailTransport(deps.config.smtpUrl),
    directTransport: createMailTransport(deps.config.directSmtpUrl),
    from: deps.config.mailFrom,
    readAttachment: (key: string) => deps.files.get(key),
  }
  return createJobWorker(
    deps.db,
    {
      [SEND_EMAIL_JOB]: sendEmailJob(deps.db, delivery),
      [CREATE_CARE_SUMMARY_JOB]: createCareSummaryJob(deps.db, deps.files),
      [PASSWORD_RESET_REQUEST_JOB]: passwordResetRequestJob(deps.db),
    },
    { onError: deps.onError },
  )
}
