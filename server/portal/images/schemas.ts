import { Type } from 'typebox'
import { Id } from '../../practice/schemas.ts'

export const DocumentParams = Type.Object({ patientId: Id, documentId: Id })

export const SharedDocument = Type.Object({
  id: Type.Integer(),
  takenAt: Type.String(),
  category: Type.String(),
  description: Type.String(),
  /** How the viewer shows it: an image (zoomable), a PDF (inline), or only as a download. */
  kind: Type.Union([Type.Literal('image'), Type.Literal('pdf'), Type.Literal('other')]),
  hasThumbnail: Type.Boolean(),
})

export const ImagesView = Type.Object({
  /** False for Archived, Deceased and Prospective patients: view only (SPEC: Images). */
  canDownload: Type.Boolean(),
  documents: Type.Array(SharedDocument),
})
