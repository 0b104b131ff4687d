import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { recordAudit } from '../../platform/audit/audit.ts'
import { clientAddress } from '../../platform/auth/client.ts'
import type { OfficeGuard } from '../../platform/auth/office-guard.ts'
import type { Database } from '../../platform/db/database.ts'
import { Invalid, Problem } from '../../platform/http/problems.ts'
import { CODE_SYSTEMS, summariesReady } from '../../practice/rules.ts'
import { type ImportResult, importCvx, importSnomed } from './import.ts'
import { latestImports } from './queries.ts'
import { CODE_SYSTEM_LABELS, CodeFileError } from './rules.ts'

/** An International release's description file is ~0.5 GB; national editions are larger. */
export const MAX_SNOMED_UPLOAD_BYTES = 2 * 1024 ** 3

const ImportView = Type.Object({
  version: Type.String(),
  codeCount: Type.Integer(),
  importedAt: Type.String(),
  importedBy: Type.Union([Type.String(), Type.Null()]),
})

export const CodeSystemsView = Type.Object({
  /** Both systems imported: care summaries are created for this practice's patients. */
  ready: Type.Boolean(),
  systems: Type.Array(
    Type.Object({
      system: Type.Union([Type.Literal('SNOMEDCT'), Type.Literal('CVX')]),
      label: Type.String(),
      latest: Type.Union([ImportView, Type.Null()]),
    }),
  ),
})

const ImportResultView = Type.Object({
  system: Type.String(),
  version: Type.String(),
  codeCount: Type.Integer(),
  importedAt: Type.String(),
})

class TooLarge extends Problem {
  constructor() {
    super(
      413,
      'too-large',
      'File too large',
      'The file is larger than any SNOMED CT description file.',
    )
  }
}

/** Counts bytes on their way to disk and stops past the limit. */
function limit(maxBytes: number) {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > maxBytes) done(new TooLarge())
      else done(null, chunk)
    },
  })
}

/**
 * Code systems (administrators): the status of each, importing the shipped CVX list, and
 * uploading the practice's licensed SNOMED CT RF2 description file. The upload is the raw
 * request body (text/plain or application/octet-stream), streamed to a temporary file and
 * imported from there line by line, so neither the request nor the database transaction holds
 * the whole file, and a slow upload never holds a database session.
 */
export const codeSystemRoutes: FastifyPluginAsyncTypebox<{
  db: Database
  guard: OfficeGuard
}> = async (app, { db, guard }) => {
  // In this plugin only: hand the raw body stream to the route instead of buffering it.
  app.removeContentTypeParser(['text/plain'])
  app.addContentTypeParser(['text/plain', 'application/octet-stream'], (_request, payload, done) =>
    done(null, payload),
  )

  async function status(practiceId: number) {
    const latest = await latestImports(db, practiceId)
    return {
      ready: summariesReady([...latest.keys()]),
      systems: CODE_SYSTEMS.map((system) => {
        const row = latest.get(system)
        return {
          system,
          label: CODE_SYSTEM_LABELS[system],
          latest: row
            ? {
                version: row.version,
                codeCount: row.code_count,
                importedAt: row.imported_at.toISOString(),
                importedBy: row.staff_name ?? null,
              }
            : null,
        }
      }),
    }
  }

  async function audit(
    request: FastifyRequest,
    staff: { id: number; practice_id: number },
    result: ImportResult | undefined,
    system: string,
    error?: string,
  ) {
    await recordAudit(db, {
      practiceId: staff.practice_id,
      actor: { type: 'staff_user', staffUserId: staff.id },
      action: 'code_system.imported',
      outcome: result ? 'success' : 'failure',
      ip: clientAddress(request),
      details: result
        ? { system, version: result.version, codeCount: result.codeCount }
        : { system, reason: error ?? 'refused' },
    })
  }

  const view = (result: ImportResult) => ({
    system: result.system,
    version: result.version,
    codeCount: result.codeCount,
    importedAt: result.importedAt.toISOString(),
  })

  app.get(
    '/api/office/code-systems',
    { schema: { response: { 200: CodeSystemsView } } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ['admin'])
      reply.header('Cache-Control', 'no-store')
      return status(staff.practice_id)
    },
  )

  app.post(
    '/api/office/code-systems/cvx',
    { schema: { response: { 201: ImportResultView } } },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ['admin'])
      const result = await importCvx(db, { practiceId: staff.practice_id, staffId: staff.id })
      await audit(request, staff, result, 'CVX')
      return reply.status(201).send(view(result))
    },
  )

  app.post(
    '/api/office/code-systems/snomed',
    {
      schema: {
        querystring: Type.Object({
          fileName: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 201: ImportResultView },
      },
    },
    async (request, reply) => {
      const { staff } = await guard.staff(request, ['admin'])
      const body = request.body
      if (!(body instanceof Readable)) {
        throw new Invalid(
          'Send the RF2 description file as the request body (Content-Type text/plain or application/octet-stream).',
        )
      }
      const declared = Number(request.headers['content-length'] ?? 0)
      if (declared > MAX_SNOMED_UPLOAD_BYTES) throw new TooLarge()
      const fileName =
        request.query.fileName ?? headerFileName(request.headers['content-disposition'])
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-snomed-'))
      const file = path.join(folder, 'upload.txt')
      try {
        await pipeline(body, limit(MAX_SNOMED_UPLOAD_BYTES), createWriteStream(file))
        const result = await importSnomed(db, {
          practiceId: staff.practice_id,
          staffId: staff.id,
          input: createReadStream(file),
          fileName,
        })
        await audit(request, staff, result, 'SNOMEDCT')
        return reply.status(201).send(view(result))
      } catch (error) {
        if (error instanceof CodeFileError) {
          await audit(request, staff, undefined, 'SNOMEDCT', 'not-rf2')
          throw new Invalid(error.message, { file: error.message })
        }
        throw error
      } finally {
        await fs.rm(folder, { recursive: true, force: true })
      }
    },
  )
}

/** `attachment; filename="sct2_Description_…txt"` → the file name, when a client sends one. */
function headerFileName(header: string | undefined): string | undefined {
  if (!header) return undefined
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header)
  return match?.[1] ? decodeURIComponent(match[1]) : undefined
}
