import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Static } from 'typebox'
import { safeFileName } from '../../platform/files/names.ts'
import type { FileStorage } from '../../platform/files/storage.ts'
import { Forbidden, NotFound } from '../../platform/http/problems.ts'
import { type PatientAccess, portalAuditor } from '../audit-read.ts'
import { PatientParams } from '../params.ts'
import { type TabRouteOptions, wholeTabServer } from '../tab-routes.ts'
import { findSharedDocument } from './queries.ts'
import { mayDownloadImages, sniffContentType } from './rules.ts'
import { DocumentParams, ImagesView } from './schemas.ts'
import { storedThumbnail } from './thumbnails.ts'
import { keptImagesTab } from './view.ts'

/** The Images tab: shared documents, oldest first; view for all, download by patient status. */
export const imageRoutes: FastifyPluginAsyncTypebox<
  TabRouteOptions & {
    files: FileStorage
  }
> = async (app, { db, guard, reads, files }) => {
  const serveWholeTab = wholeTabServer({ db, guard, reads })

  /** The shared document a route's params name, once the guard lets the user see the patient. */
  async function documentFor(request: FastifyRequest<{ Params: Static<typeof DocumentParams> }>) {
    const { patientId, documentId } = request.params
    const access = await guard.patient(request, patientId, 'images')
    const document = await findSharedDocument(
      db,
      access.user.practice_id,
      access.patientId,
      documentId,
    )
    if (!document) throw new NotFound('No such document.')
    return { access, document }
  }

  const auditDocument = (
    request: FastifyRequest,
    access: PatientAccess,
    action: string,
    documentId: number,
  ) =>
    portalAuditor(request, access).record(db, action, {
      target: { type: 'document', id: documentId },
    })

  /** The document's own file, audited as viewed (inline) or downloaded (attachment). */
  async function sendDocument(
    request: FastifyRequest,
    reply: FastifyReply,
    { access, document }: Awaited<ReturnType<typeof documentFor>>,
    disposition: 'inline' | 'attachment',
  ) {
    const body = await files.get(document.storage_key)
    const action = disposition === 'inline' ? 'document.viewed' : 'document.downloaded'
    await auditDocument(request, access, action, document.id)
    const name = safeFileName(document.file_name, `document-${document.id}`)
    return sendFile(reply, body, disposition, name)
  }

  app.get(
    '/api/portal/patients/:patientId/documents',
    { schema: { params: PatientParams, response: { 200: ImagesView } } },
    serveWholeTab(keptImagesTab, 'images', (access) => ({
      canDownload: mayDownloadImages(access.patient.status),
    })),
  )

  app.get(
    '/api/portal/patients/:patientId/documents/:documentId/thumbnail',
    { schema: { params: DocumentParams } },
    async (request, reply) => {
      const { access, document } = await documentFor(request)
      const body = await storedThumbnail(db, files, access.user.practice_id, document)
      // A preview shows the image as surely as the viewer does: audited the same way.
      await auditDocument(request, access, 'document.viewed', document.id)
      return sendFile(reply, body, 'inline', 'thumbnail.jpg')
    },
  )

  app.get(
    '/api/portal/patients/:patientId/documents/:documentId/view',
    { schema: { params: DocumentParams } },
    async (request, reply) => {
      return sendDocument(request, reply, await documentFor(request), 'inline')
    },
  )

  app.get(
    '/api/portal/patients/:patientId/documents/:documentId/download',
    { schema: { params: DocumentParams } },
    async (request, reply) => {
      const found = await documentFor(request)
      if (!mayDownloadImages(found.access.patient.status)) {
        throw new Forbidden('Images of this patient can be viewed but not downloaded.')
      }
      return sendDocument(request, reply, found, 'attachment')
    },
  )
}

/**
 * Sends stored bytes with the type the bytes prove, never the stored claim alone; anything the
 * portal does not show inline goes out as an opaque download.
 */
function sendFile(
  reply: FastifyReply,
  body: Buffer,
  disposition: 'inline' | 'attachment',
  name: string,
) {
  const type = sniffContentType(body.subarray(0, 16))
  if (type && disposition === 'inline') {
    // The Images viewer shows PDFs in an iframe of this origin; nothing else may frame them, and
    // the file itself may load nothing.
    reply
      .header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'self'")
      .header('X-Frame-Options', 'SAMEORIGIN')
  }
  return reply
    .header('Content-Type', type ?? 'application/octet-stream')
    .header('Content-Disposition', `${type ? disposition : 'attachment'}; filename="${name}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(body)
}
