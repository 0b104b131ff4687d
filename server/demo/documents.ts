import type { History } from './appointments.ts'
import type { DemoContext, Member } from './context.ts'
import type { StoredFile } from './files.ts'
import { chance } from './random.ts'

export function addDocument(
  ctx: DemoContext,
  member: Member,
  file: StoredFile,
  categoryId: number,
  description: string,
  takenAt: Date,
) {
  ctx.drafts.documents.push({
    external_id: ctx.ids.next('documents'),
    patient: member.patient.external_id,
    category_id: categoryId,
    description,
    file_name: file.fileName,
    content_type: file.contentType,
    size_bytes: file.sizeBytes,
    sha256: file.sha256,
    storage_key: file.key,
    thumbnail_storage_key: file.thumbnailKey,
    taken_at: takenAt,
    created_at: takenAt,
  })
}

/**
 * The images and forms a chart collects: X-rays taken at visits that billed them, intake forms
 * at the first visit, the odd photo, and insurance cards (kept in a category the portal hides).
 * Every row points at one of the practice's few shared demo files.
 */
export function generateDocuments(ctx: DemoContext, member: Member, history: History) {
  const { faker, files, setup } = ctx
  const { categories } = setup
  const withXrays = history.completed.filter((visit) =>
    visit.procedures.some((p) => ['D0274', 'D0272', 'D0210', 'D0330'].includes(p.code.code)),
  )
  for (const visit of withXrays.slice(-2)) {
    const codes = new Set(visit.procedures.map((p) => p.code.code))
    const at = new Date(visit.startsAt.getTime() + 20 * 60_000)
    if (codes.has('D0274') || codes.has('D0272') || codes.has('D0210')) {
      addDocument(ctx, member, files.bitewingLeft, categories.xrays, 'Bitewing, left', at)
      addDocument(ctx, member, files.bitewingRight, categories.xrays, 'Bitewing, right', at)
    }
    if (codes.has('D0330') || codes.has('D0210')) {
      addDocument(ctx, member, files.panoramic, categories.xrays, 'Panoramic', at)
    }
  }
  const first = history.completed.find((visit) => visit.kind === 'new')
  if (first) {
    addDocument(
      ctx,
      member,
      files.consentForm,
      categories.forms,
      'Consent for treatment',
      first.startsAt,
    )
    addDocument(
      ctx,
      member,
      files.medicalHistoryForm,
      categories.forms,
      'Medical history',
      first.startsAt,
    )
  }
  const last = history.completed.at(-1)
  if (last && chance(faker, 0.1)) {
    addDocument(
      ctx,
      member,
      files.intraoralPhoto,
      categories.photos,
      'Intraoral photo',
      last.startsAt,
    )
  }
  if (last && member.isGuarantor && chance(faker, 0.3)) {
    addDocument(
      ctx,
      member,
      files.insuranceCard,
      categories.insurance,
      'Insurance card',
      last.startsAt,
    )
  }
}
