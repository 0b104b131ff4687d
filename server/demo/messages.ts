import type { MessageDirection, MessageKind } from '../platform/db/schema.ts'
import type { DemoContext, Member } from './context.ts'
import { addDays } from './dates.ts'
import type { StoredFile } from './files.ts'
import { between, chance, pick } from './random.ts'

export interface MessageOptions {
  patient: string
  direction: MessageDirection
  kind?: MessageKind
  /** Patient whose portal user wrote it; ToPractice messages only. */
  portalUserOf?: string
  staffUserId?: number
  providerId?: number
  subject: string
  body: string
  sentAt: Date
  readByPatientAt?: Date | null
  readByPracticeAt?: Date | null
  inReplyTo?: string
  attachments?: StoredFile[]
}

export function addMessage(ctx: DemoContext, options: MessageOptions): string {
  const key = ctx.ids.next('messages')
  ctx.drafts.messages.push({
    external_id: key,
    patient: options.patient,
    direction: options.direction,
    kind: options.kind ?? 'WebMail',
    sender_staff_user_id: options.staffUserId ?? null,
    provider_id: options.providerId ?? null,
    subject: options.subject,
    body: options.body,
    sent_at: options.sentAt,
    read_by_patient_at: options.readByPatientAt ?? null,
    read_by_practice_at: options.readByPracticeAt ?? null,
    attachments: options.attachments ?? [],
    ...(options.portalUserOf ? { senderPortalUser: options.portalUserOf } : {}),
    ...(options.inReplyTo ? { inReplyTo: options.inReplyTo } : {}),
  })
  return key
}

type Template = { subject: string; body: (first: string) => string; attach?: 'postOp' | 'card' }

const FROM_PRACTICE: Template[] = [
  {
    subject: 'Your upcoming visit',
    body: (first) =>
      `Hi ${first},\n\nThis is a reminder about your upcoming visit. Please arrive ten minutes early, and reply here if you need a different time.\n\nMaple Grove Dental`,
  },
  {
    subject: 'After your visit today',
    body: (first) =>
      `Hi ${first},\n\nThank you for coming in today. The attached sheet explains what to expect over the next few days. Call us if anything worries you.\n\nMaple Grove Dental`,
    attach: 'postOp',
  },
  {
    subject: 'Insurance information',
    body: (first) =>
      `Hi ${first},\n\nWe could not verify your dental insurance. Could you reply with a photo of the front and back of your card?\n\nThank you,\nMaple Grove Dental`,
  },
  {
    subject: 'Your treatment plan',
    body: (first) =>
      `Hi ${first},\n\nYour treatment plan is saved on the Plan tab of the portal with the insurance estimates. Let us know if you have any questions.\n\nMaple Grove Dental`,
  },
]

const FROM_PATIENT: Template[] = [
  {
    subject: 'Question about my statement',
    body: () => 'Hello, does my last statement include the payment from my insurance? Thanks.',
  },
  {
    subject: 'Reschedule request',
    body: () => 'Hi, could I move my next cleaning to a morning? Any weekday works for me.',
  },
  {
    subject: 'New insurance card',
    body: () => 'My employer changed insurance. A photo of my new card is attached.',
    attach: 'card',
  },
  {
    subject: 'Sensitivity after filling',
    body: () =>
      'My tooth has been a little sensitive to cold since the filling last week. Is that normal?',
  },
]

const REPLIES_FROM_PRACTICE = [
  'Thanks for your message. We have updated your account and will call you if we need anything else.',
  'Thank you! We have noted this, and the front desk will follow up by phone today.',
  'That is common for a week or two. If it gets worse or keeps you awake, please call us and we will see you.',
]

/**
 * A few message threads for some families: notes from the office and, where the family uses
 * the portal, questions from the patient or their representative, some answered.
 */
export function generateMessages(
  ctx: DemoContext,
  family: Member[],
  portalUserOf: string | undefined,
) {
  const { faker, today, setup, clock, files } = ctx
  const threads = chance(faker, 0.18) ? between(faker, 1, 3) : 0
  for (let index = 0; index < threads; index++) {
    const member = pick(faker, family)
    if (member.patient.status !== 'Patient') continue
    const first = member.patient.first_name
    const providerId = member.clinic.dentistId
    const sentOn = addDays(today, -between(faker, 0, 300))
    const sentAt = clock.at(sentOn, between(faker, 8 * 60, 18 * 60))
    const later = (hours: number) => new Date(sentAt.getTime() + hours * 3_600_000)
    const recent = sentOn > addDays(today, -7)
    if (portalUserOf && chance(faker, 0.45)) {
      const template = pick(faker, FROM_PATIENT)
      const opener = addMessage(ctx, {
        patient: member.patient.external_id,
        direction: 'ToPractice',
        portalUserOf,
        providerId,
        subject: template.subject,
        body: template.body(first),
        sentAt,
        readByPatientAt: sentAt,
        readByPracticeAt: recent && chance(faker, 0.5) ? null : later(between(faker, 1, 20)),
        attachments: template.attach === 'card' ? [files.insuranceCard] : [],
      })
      if (!recent || chance(faker, 0.5)) {
        addMessage(ctx, {
          patient: member.patient.external_id,
          direction: 'ToPatient',
          staffUserId: setup.staff.frontDesk,
          providerId,
          subject: `RE: ${template.subject}`,
          body: pick(faker, REPLIES_FROM_PRACTICE),
          sentAt: later(between(faker, 2, 30)),
          readByPatientAt: recent ? null : later(between(faker, 31, 90)),
          readByPracticeAt: later(between(faker, 2, 30)),
          inReplyTo: opener,
        })
      }
    } else {
      const template = pick(faker, FROM_PRACTICE)
      addMessage(ctx, {
        patient: member.patient.external_id,
        direction: 'ToPatient',
        kind: chance(faker, 0.2) ? 'SecureEmail' : 'WebMail',
        staffUserId: template.attach === 'postOp' ? setup.staff.dentist : setup.staff.frontDesk,
        providerId,
        subject: template.subject,
        body: template.body(first),
        sentAt,
        readByPatientAt: recent || chance(faker, 0.2) ? null : later(between(faker, 1, 72)),
        readByPracticeAt: sentAt,
        attachments: template.attach === 'postOp' ? [files.postOpInstructions] : [],
      })
    }
  }
}
