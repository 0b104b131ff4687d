import type { Static } from 'typebox'
import type { AttachmentRow } from './attachment-queries.ts'
import type { FullMessageRow, MessageRow } from './queries.ts'
import type { AttachmentView, MessageSummary, MessageView } from './schemas.ts'

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

/** A provider as the To line and the lists show them: "Ana Lindqvist, DDS". */
export function providerDisplayName(provider: {
  first_name: string | null
  last_name: string
  suffix: string | null
}) {
  const name = `${provider.first_name ?? ''} ${provider.last_name}`.trim()
  return provider.suffix ? `${name}, ${provider.suffix}` : name
}

function providerOf(row: MessageRow) {
  if (row.provider_id === null || !row.provider_last_name) return null
  return {
    id: row.provider_id,
    name: providerDisplayName({
      first_name: row.provider_first_name,
      last_name: row.provider_last_name,
      suffix: row.provider_suffix,
    }),
  }
}

/** Who wrote it: the family member signed in, or the staff member, or (PMS rows) the office. */
function writerOf(row: MessageRow, practiceName: string) {
  if (row.direction === 'ToPractice') {
    if (row.writer_first_name)
      return `${row.writer_first_name} ${row.writer_last_name ?? ''}`.trim()
    return `${row.patient_first_name} ${row.patient_last_name}`
  }
  return providerOf(row)?.name ?? row.staff_name ?? practiceName
}

/** A box line; `reader` decides which side's "unread" it shows. */
export function presentSummary(
  row: MessageRow,
  reader: 'patient' | 'practice',
  practiceName: string,
): Static<typeof MessageSummary> {
  const unread =
    reader === 'patient'
      ? row.direction === 'ToPatient' && row.read_by_patient_at === null
      : row.direction === 'ToPractice' && row.read_by_practice_at === null
  return {
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    subject: row.subject,
    sentAt: new Date(row.sent_at).toISOString(),
    patient: { id: row.patient_id, name: `${row.patient_first_name} ${row.patient_last_name}` },
    provider: providerOf(row),
    from: writerOf(row, practiceName),
    unread,
    attachmentCount: Number(row.attachment_count ?? 0),
    inReplyToId: row.in_reply_to_id,
  }
}

export function presentAttachment(row: AttachmentRow): Static<typeof AttachmentView> {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
  }
}

export function presentMessage(
  row: FullMessageRow,
  attachments: readonly AttachmentRow[],
  reader: 'patient' | 'practice',
  practiceName: string,
): Static<typeof MessageView> {
  return {
    ...presentSummary(row, reader, practiceName),
    attachmentCount: attachments.length,
    body: row.body,
    attachments: attachments.map(presentAttachment),
    readByPatientAt: iso(row.read_by_patient_at),
    readByPracticeAt: iso(row.read_by_practice_at),
    handledAt: iso(row.handled_at),
  }
}
