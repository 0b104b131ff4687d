import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Database } from '../../platform/db/database.ts'
import type { StaffGuard } from '../../practice/staff-permissions.ts'
import { actingStaff } from '../staff-audit.ts'
import { headerFileName, importShippedCvx, importSnomedUpload } from './commands.ts'
import { latestImports } from './queries.ts'
import { CodeSystemsView, ImportResultView, SnomedUploadQuery } from './schemas.ts'
import { presentCodeSystems, presentImport } from './view.ts'

/**
 * Code systems (administrators): the status of each, importing the shipped CVX list, and
 * uploading the practice's licensed SNOMED CT RF2 description file. The upload is the raw
 * request body (text/plain or application/octet-stream), streamed to disk by the command.
 */
export const codeSystemRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: StaffGuard
}> = async (app, { db, guard }) => {
  // In this plugin only: hand the raw body stream to the route instead of buffering it.
  app.removeContentTypeParser(['text/plain'])
  app.addContentTypeParser(['text/plain', 'application/octet-stream'], (_request, payload, done) =>
    done(null, payload),
  )
  const signedIn = (request: FastifyRequest) => actingStaff(guard, request, 'code-systems.manage')

  app.get(
    '/api/office/code-systems',
    { schema: { response: { 200: CodeSystemsView } } },
    async (request, reply) => {
      const { staff } = await signedIn(request)
      reply.header('Cache-Control', 'no-store')
      return presentCodeSystems(await latestImports(db, staff.practice_id))
    },
  )

  app.post(
    '/api/office/code-systems/cvx',
    { schema: { response: { 201: ImportResultView } } },
    async (request, reply) => {
      const { staff, audit } = await signedIn(request)
      const result = await importShippedCvx(db, staff, audit)
      return reply.status(201).send(presentImport(result))
    },
  )

  app.post(
    '/api/office/code-systems/snomed',
    { schema: { querystring: SnomedUploadQuery, response: { 201: ImportResultView } } },
    async (request, reply) => {
      const { staff, audit } = await signedIn(request)
      const result = await importSnomedUpload(db, staff, audit, {
        body: request.body,
        declaredBytes: Number(request.headers['content-length'] ?? 0),
        fileName: request.query.fileName ?? headerFileName(request.headers['content-disposition']),
      })
      return reply.status(201).send(presentImport(result))
    },
  )
}
