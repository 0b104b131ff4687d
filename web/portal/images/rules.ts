import type { Static } from 'typebox'
import type { ImagesView as ImagesViewSchema } from '../../../server/portal/images/schemas.ts'
import type { MessageId } from '../../ui/i18n/i18n.tsx'
import { preferredLocales } from '../../ui/i18n/locale.ts'

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

/** "150%", "150 %" in French: the percentage in the reader's locale. */
export function zoomLabel(zoom: number, locales?: readonly string[]): string {
  return new Intl.NumberFormat(locales ?? preferredLocales(), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(zoom)
}

/** What kind of file a document is, in words, for names and alt text. */
export function kindLabel(kind: SharedDocument['kind']): MessageId {
  switch (kind) {
    case 'image':
      return 'images.kindImage'
    case 'pdf':
      return 'images.kindPdf'
    case 'other':
      return 'images.kindFile'
  }
}
