import { sql } from 'kysely'
import { type Static, Type } from 'typebox'
import { Problem } from '../../platform/http/problems.ts'
import { queueMessageNotifications } from '../../practice/messages/notify.ts'
import {
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  notifiesOnArrival,
} from '../../practice/messages/rules.ts'
import type { SyncCollection, SyncContext, UpsertOutcome } from '../collection.ts'
import { tableCollection } from '../table-collection.ts'
import { Instant, Opt, RefTo, SyncRecord, Text } from './fields.ts'

/**
 * The Messages tab: messages written in the PMS (Open Dental's WebMail and Secure Email) to a
 * patient. Only `ToPatient`: what patients write is written in the portal and reaches the PMS as
 * `message.sent` events; taking copies back would show each twice, and a message "from the
 * patient" that no portal user wrote would put words in a family's mouth.
 */

/** The most documents one message attaches. */
export const MAX_SYNC_ATTACHMENTS = 20

export const SyncMessageAttachment = Type.Object(
  {
    documentExternalId: {
      ...RefTo('documents'),
      description:
        'externalId of a row in documents, of the same patient: the file the message attaches (sent there first; no file bytes here).',
    },
  },
  { additionalProperties: false },
)

export const SyncMessage = SyncRecord('SyncMessage', {
  patientExternalId: {
    ...RefTo('patients'),
    description: 'externalId of a row in patients: the patient the message is about.',
  },
  direction: Type.Literal('ToPatient', {
    description:
      "From the practice to the patient. Patients' messages are written in the portal and reach the PMS as message.sent events, so they are not taken here.",
  }),
  providerExternalId: Opt(RefTo('providers')),
  subject: Text(MAX_SUBJECT_LENGTH),
  body: Type.String({ minLength: 1, maxLength: MAX_BODY_LENGTH, description: 'Plain text.' }),
  sentAt: Instant,
  kind: Type.Union([Type.Literal('WebMail'), Type.Literal('SecureEmail')], {
    description: 'SecureEmail messages are shown marked as Secure Email.',
  }),
  attachments: Type.Optional(Type.Array(SyncMessageAttachment, { maxItems: MAX_SYNC_ATTACHMENTS })),
})

type Body = Static<typeof SyncMessage>

/** A document attached to a message about another patient: it would show them someone else's file. */
export class AttachmentOfAnotherPatient extends Problem {
  constructor(field: string) {
    super(
      422,
      'attachment-of-another-patient',
      'Attachment of another patient',
      `${field} names a document of another patient than the message is about.`,
      { [field]: 'The document must belong to the patient the message is about.' },
    )
  }
}

/** Refuses attachments whose document belongs to another patient (unknown ones: the resolver). */
async function checkAttachments(ctx: SyncContext, body: Body) {
  const wanted = (body.attachments ?? []).map((attachment) => attachment.documentExternalId)
  if (wanted.length === 0) return body
  const { rows } = await sql<{ external_id: string; patient: string | null }>`
    select d.external_id, p.external_id as patient from documents d
    join patients p on p.practice_id = d.practice_id and p.id = d.patient_id
    where d.practice_id = ${ctx.practiceId} and d.external_id = any(${wanted})`.execute(ctx.db)
  const ownerOf = new Map(rows.map((row) => [row.external_id, row.patient]))
  wanted.forEach((documentId, index) => {
    if (ownerOf.has(documentId) && ownerOf.get(documentId) !== body.patientExternalId) {
      throw new AttachmentOfAnotherPatient(`attachments/${index}/documentExternalId`)
    }
  })
  return body
}

/** A message the portal's own people wrote, under an external id the PMS now names. */
export class NotThePmsMessage extends Problem {
  constructor() {
    super(
      409,
      'not-the-pms-message',
      'Written in the portal',
      "This external id names a message written in the portal (a patient's, or one with uploaded files); the sync API does not change or remove it.",
    )
  }
}

/**
 * Whether the external id names a message the PMS may not change: one a patient wrote, or one
 * whose files were uploaded in the portal (replacing its attachments would orphan them).
 */
async function writtenInPortal(ctx: SyncContext, externalId: string) {
  const { rows } = await sql<{ foreign: boolean }>`
    select m.direction <> 'ToPatient' or exists (
             select 1 from message_attachments a
             where a.practice_id = m.practice_id and a.message_id = m.id
               and a.document_id is null) as foreign
    from messages m
    where m.practice_id = ${ctx.practiceId} and m.external_id = ${externalId}`.execute(ctx.db)
  return rows[0]?.foreign === true
}

async function refuseWrittenInPortal(ctx: SyncContext, externalId: string) {
  if (await writtenInPortal(ctx, externalId)) throw new NotThePmsMessage()
}

const messageRows = tableCollection({
  name: 'messages',
  table: 'messages',
  schema: SyncMessage,
  example: {
    patientExternalId: 'example',
    direction: 'ToPatient',
    providerExternalId: 'example',
    subject: 'Your X-rays',
    body: 'Hello, your bitewing X-ray from last week is attached.',
    sentAt: '2026-02-02T15:00:00.000Z',
    kind: 'WebMail',
    attachments: [{ documentExternalId: 'example' }],
  },
  columns: {
    direction: 'direction',
    subject: 'subject',
    body: 'body',
    sentAt: 'sent_at',
    kind: 'kind',
  },
  references: {
    patientExternalId: ['patients', 'patient_id'],
    providerExternalId: ['providers', 'provider_id'],
  },
  children: [
    {
      field: 'attachments',
      table: 'message_attachments',
      parentColumn: 'message_id',
      columns: [],
      references: { documentExternalId: ['documents', 'document_id'] },
      orderColumn: 'sort_order',
    },
  ],
  prepare: async (ctx, externalId, body) => {
    await refuseWrittenInPortal(ctx, externalId)
    return checkAttachments(ctx, body)
  },
  beforeRemove: async (ctx, id) => {
    const { rows } = await sql<{ external_id: string }>`
      select external_id from messages where practice_id = ${ctx.practiceId} and id = ${id}`.execute(
      ctx.db,
    )
    await refuseWrittenInPortal(ctx, rows[0]?.external_id ?? '')
  },
})

/**
 * Tells the families of the messages just created (not those updated or replayed, so at most
 * once per message), in the same transaction as the rows.
 */
async function notifyArrivals(
  ctx: SyncContext,
  sent: readonly { externalId: string; body: Body }[],
  outcomes: readonly UpsertOutcome[],
) {
  const now = new Date()
  for (const [index, { body }] of sent.entries()) {
    const arrival = {
      ...body,
      sentAt: new Date(body.sentAt),
      created: outcomes[index] === 'created',
    }
    if (!notifiesOnArrival(arrival, now)) continue
    const patientId = await ctx.refs.id('patients', body.patientExternalId, 'patientExternalId')
    await queueMessageNotifications(ctx.db, ctx.practiceId, patientId, ctx.portalUrl)
  }
}

export const messages: SyncCollection<typeof SyncMessage> = {
  ...messageRows,
  // Messages written in the portal are not the PMS's: they reach it as message.sent events.
  async read(ctx, externalId) {
    return (await writtenInPortal(ctx, externalId)) ? null : messageRows.read(ctx, externalId)
  },
  async upsert(ctx, externalId, body) {
    const outcome = await messageRows.upsert(ctx, externalId, body)
    await notifyArrivals(ctx, [{ externalId, body }], [outcome])
    return outcome
  },
  async upsertMany(ctx, rows) {
    const outcomes = await (messageRows.upsertMany as NonNullable<typeof messageRows.upsertMany>)(
      ctx,
      rows,
    )
    await notifyArrivals(ctx, rows, outcomes)
    return outcomes
  },
}
