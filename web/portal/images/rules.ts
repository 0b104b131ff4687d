import type { Static } from 'typebox'
import type { ImagesView as ImagesViewSchema } from '../../../server/portal/images/schemas.ts'

export type ImagesView = Static<typeof ImagesViewSchema>
export type SharedDocument = ImagesView['documents'][number]

export const documentPath = (
  patientId: number,
  documentId: number,
  what: 'thumbnail' | 'view' | 'download',
) => `/api/portal/patients/${patientId}/documents/${documentId}/${what}`

/** Zoom steps for images in the viewer, as a share of the viewer's width. */
export const ZOOM_MIN = 1
export const ZOOM_MAX = 4
export const ZOOM_STEP = 0.5

export function zoomIn(zoom: number): number {
  return Math.min(ZOOM_MAX, zoom + ZOOM_STEP)
}

export function zoomOut(zoom: number): number {
  return Math.max(ZOOM_MIN, zoom - ZOOM_STEP)
}

/** "150%" */
export function zoomLabel(zoom: number): string {
  return `${Math.round(zoom * 100)}%`
}

/** What kind of file a document is, in words, for names and alt text. */
export function kindLabel(kind: SharedDocument['kind']): string {
  switch (kind) {
    case 'image':
      return 'Image'
    case 'pdf':
      return 'PDF'
    case 'other':
      return 'File'
  }
}
