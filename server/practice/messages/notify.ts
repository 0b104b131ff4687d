import type { Database } from '../../platform/db/database.ts'
import { queueEmail } from '../../platform/mail/outbox.ts'
import { notificationAddresses, notificationSettings } from './notify-queries.ts'
import { newMessageNotification } from './rules.ts'

/**
 * Queues the notification of a new message from the practice to everyone who can read it, in
 * the caller's transaction (a mail server that is down delays it and loses nothing). The email
 * holds the Portal Settings subject and text and the portal's address, never a word of the
 * message. Returns how many were queued.
 */
export async function queueMessageNotifications(
  db: Database,
  practiceId: number,
  patientId: number,
  portalUrl: string,
): Promise<number> {
  const [addresses, settings] = await Promise.all([
    notificationAddresses(db, practiceId, patientId),
    notificationSettings(db, practiceId),
  ])
  const email = newMessageNotification(
    {
      subject: settings?.webmail_notification_subject ?? '',
      body: settings?.webmail_notification_body ?? '',
    },
    portalUrl,
  )
  for (const to of addresses) {
    await queueEmail(db, { practiceId, kind: 'webmail-notification', to, ...email })
  }
  return addresses.length
}
