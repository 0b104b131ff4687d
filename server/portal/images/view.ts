import type { Static } from 'typebox'
import type { KeptView } from '../kept-body.ts'
import { keptTab, type TabRead } from '../serve-tab.ts'
import { listSharedDocuments, sharedDocumentsDependencies } from './queries.ts'
import { ImagesView } from './schemas.ts'

type SharedDocument = Awaited<ReturnType<typeof listSharedDocuments>>[number]

export function kindOf(claimed: string): 'image' | 'pdf' | 'other' {
  if (claimed === 'application/pdf') return 'pdf'
  return claimed.startsWith('image/') ? 'image' : 'other'
}

/** The Images tab: the shared documents, and whether this patient's may be downloaded. */
export function imagesView(
  documents: readonly SharedDocument[],
  context: { canDownload: boolean },
): KeptView<Static<typeof ImagesView>> {
  return {
    view: {
      canDownload: context.canDownload,
      documents: documents.map((document) => ({
        id: document.id,
        takenAt: document.taken_at.toISOString(),
        category: document.category,
        description: document.description,
        kind: kindOf(document.content_type),
        hasThumbnail: kindOf(document.content_type) === 'image',
      })),
    },
  }
}

/** The Images tab as a kept read. */
export const keptImagesTab = keptTab({
  name: 'documents-tab',
  action: 'images.listed',
  schema: ImagesView,
  load: (db, { practiceId, patientId }: TabRead<null>) =>
    listSharedDocuments(db, practiceId, patientId),
  dependsOn: sharedDocumentsDependencies,
  present: (documents, context: { canDownload: boolean }) => imagesView(documents, context),
})
