import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Database } from '../../platform/db/database.ts'
import { Invalid, Problem } from '../../platform/http/problems.ts'
import type { CodeSystem } from '../../practice/rules.ts'
import type { ActingStaff, StaffAuditor } from '../staff-audit.ts'
import { type ImportResult, importCvx, importSnomed } from './import.ts'
import { CodeFileError } from './rules.ts'

/** An International release's description file is ~0.5 GB; national editions are larger. */
export const MAX_SNOMED_UPLOAD_BYTES = 2 * 1024 ** 3

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

/** Imports the CVX list that ships with Bitewing for the staff member's practice. */
export async function importShippedCvx(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
): Promise<ImportResult> {
  const result = await importCvx(db, { practiceId: staff.practice_id, staffId: staff.id })
  await auditImport(db, audit, 'CVX', result)
  return result
}

/** An uploaded RF2 description file: the raw request body and what the request says of it. */
export interface SnomedUpload {
  body: unknown
  /** Content-Length, when the client sent one. */
  declaredBytes: number
  fileName: string | undefined
}

/**
 * Streams the upload to a temporary file and imports it from there line by line, so neither the
 * request nor the database transaction holds the whole file, and a slow upload never holds a
 * database session. A file that is not RF2 is refused (400) and its attempt audited.
 */
export async function importSnomedUpload(
  db: Database,
  staff: ActingStaff,
  audit: StaffAuditor,
  { body, declaredBytes, fileName }: SnomedUpload,
): Promise<ImportResult> {
  if (!(body instanceof Readable)) {
    throw new Invalid(
      'Send the RF2 description file as the request body (Content-Type text/plain or application/octet-stream).',
    )
  }
  if (declaredBytes > MAX_SNOMED_UPLOAD_BYTES) throw new TooLarge()
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
    await auditImport(db, audit, 'SNOMEDCT', result)
    return result
  } catch (error) {
    if (error instanceof CodeFileError) {
      await auditImport(db, audit, 'SNOMEDCT', undefined, 'not-rf2')
      throw new Invalid(error.message, { file: error.message })
    }
    throw error
  } finally {
    await fs.rm(folder, { recursive: true, force: true })
  }
}

async function auditImport(
  db: Database,
  audit: StaffAuditor,
  system: CodeSystem,
  result: ImportResult | undefined,
  error?: string,
) {
  await audit.record(db, 'code_system.imported', {
    outcome: result ? 'success' : 'failure',
    details: result
      ? { system, version: result.version, codeCount: result.codeCount }
      : { system, reason: error ?? 'refused' },
  })
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

/** `attachment; filename="sct2_Description_…txt"` → the file name, when a client sends one. */
export function headerFileName(header: string | undefined): string | undefined {
  if (!header) return undefined
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header)
  return match?.[1] ? decodeURIComponent(match[1]) : undefined
}
