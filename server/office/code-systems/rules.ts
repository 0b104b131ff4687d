/**
 * Reading code system files, line by line: the CVX list (the shipped TSV or the CDC's own
 * pipe-delimited cvx.txt) and a SNOMED CT RF2 description file. Pure: no I/O here.
 */

import type { CodeSystem } from '../../practice/rules.ts'

export const CODE_SYSTEM_LABELS: Record<CodeSystem, string> = {
  SNOMEDCT: 'SNOMED CT',
  CVX: 'CVX (vaccines administered)',
}

export interface Code {
  code: string
  display: string
}

/** A file that is not what it claims to be; the message is safe to show an administrator. */
export class CodeFileError extends Error {}

function clean(line: string): string {
  return line.replace(/^\uFEFF/, '').replace(/\r$/, '')
}

// --- CVX ------------------------------------------------------------------------------------

const CVX_TSV_HEADER = 'cvx_code\tshort_description\tfull_vaccine_name\tstatus\tnonvaccine'
const CVX_CODE = /^\d{1,3}$/

export type CvxFormat = 'tsv' | 'cdc'

/** Which CVX layout a file's first line shows: the shipped TSV (with its header) or CDC's. */
export function cvxFormat(firstLine: string): CvxFormat {
  const line = clean(firstLine)
  if (line === CVX_TSV_HEADER) return 'tsv'
  const fields = line.split('|')
  if (fields.length >= 5 && CVX_CODE.test(fields[0]?.trim() ?? '')) return 'cdc'
  throw new CodeFileError(
    'This is not a CVX list: expected the shipped cvx.tsv or the CDC’s pipe-delimited cvx.txt.',
  )
}

export interface CvxRow extends Code {
  /** CDC's file only: the row's last update, as YYYY-MM-DD. */
  updated?: string
}

/**
 * One data line of a CVX file, or undefined for a blank line. The display is the CDC's short
 * description, which is what C-CDA examples put in displayName.
 * CDC columns: code | short description | full name | notes | status | internal id | nonvaccine | updated.
 */
export function parseCvxLine(
  format: CvxFormat,
  raw: string,
  lineNumber: number,
): CvxRow | undefined {
  const line = clean(raw)
  if (line.trim() === '') return undefined
  const fields = line.split(format === 'tsv' ? '\t' : '|').map((field) => field.trim())
  const [code = '', short = '', full = ''] = fields
  if (!CVX_CODE.test(code) || fields.length < 3) {
    throw new CodeFileError(`Line ${lineNumber} is not a CVX code row.`)
  }
  const display = short || full
  if (!display) throw new CodeFileError(`Line ${lineNumber} has no vaccine name.`)
  const updated = format === 'cdc' ? usDate(fields[7] ?? '') : undefined
  return { code: code.padStart(2, '0'), display, ...(updated ? { updated } : {}) }
}

/** CDC's update dates: M/D/YYYY (as published), or YYYY/MM/DD, YYYY-MM-DD; else ignored. */
function usDate(value: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value)
  if (us) {
    const [, month = '', day = '', year = ''] = us
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  }
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(value)
  if (!iso) return undefined
  const [, year = '', month = '', day = ''] = iso
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

// --- SNOMED CT RF2 ----------------------------------------------------------------------------

export const RF2_DESCRIPTION_HEADER = [
  'id',
  'effectiveTime',
  'active',
  'moduleId',
  'conceptId',
  'languageCode',
  'typeId',
  'term',
  'caseSignificanceId',
].join('\t')

/** The description type of a Fully Specified Name: one per concept, unambiguous. */
export const FSN_TYPE_ID = '900000000000003001'

const SCTID = /^\d{6,18}$/

export function checkRf2Header(firstLine: string | undefined): void {
  if (firstLine === undefined || clean(firstLine) !== RF2_DESCRIPTION_HEADER) {
    throw new CodeFileError(
      'This is not a SNOMED CT RF2 description file (sct2_Description_Snapshot-…_….txt): its first ' +
        'line must be the RF2 header "id, effectiveTime, active, moduleId, conceptId, languageCode, ' +
        'typeId, term, caseSignificanceId", separated by tabs. Nothing was imported.',
    )
  }
}

export interface Rf2Description extends Code {
  effectiveTime: string
}

/**
 * One RF2 description row: the concept and its display when the row is an active Fully
 * Specified Name, undefined for any other row (synonyms, definitions, inactive rows).
 *
 * Why FSNs: the description file alone does not say which synonym is preferred (that is in
 * the language reference set), while every concept has exactly one active FSN. The display is
 * the FSN without its semantic tag: "Essential hypertension (disorder)" → "Essential hypertension".
 */
export function parseRf2Line(raw: string, lineNumber: number): Rf2Description | undefined {
  const line = clean(raw)
  if (line === '') return undefined
  const fields = line.split('\t')
  if (fields.length !== 9) {
    throw new CodeFileError(
      `Line ${lineNumber} has ${fields.length} columns; an RF2 description row has 9. Nothing was imported.`,
    )
  }
  const [id = '', effectiveTime = '', active = '', , conceptId = '', , typeId = '', term = ''] =
    fields
  if (
    !SCTID.test(id) ||
    !/^\d{8}$/.test(effectiveTime) ||
    (active !== '0' && active !== '1') ||
    !SCTID.test(conceptId)
  ) {
    throw new CodeFileError(
      `Line ${lineNumber} is not a valid RF2 description row. Nothing was imported.`,
    )
  }
  if (active !== '1' || typeId !== FSN_TYPE_ID || term.trim() === '') return undefined
  return { code: conceptId, display: withoutSemanticTag(term), effectiveTime }
}

export function withoutSemanticTag(term: string): string {
  const stripped = term.replace(/\s+\([^()]+\)\s*$/, '').trim()
  return stripped || term.trim()
}

/**
 * The release a description file belongs to, from its name:
 * `sct2_Description_Snapshot-en_INT_20240101.txt` → `INT_20240101`. A Full release file is
 * refused: its history rows would bring back descriptions that are no longer active.
 */
export function rf2VersionFromName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const match =
    /^sct2_Description_(Snapshot|Full|Delta)(?:-[A-Za-z-]+)?_([A-Za-z0-9]+)_(\d{8})\.txt$/i.exec(
      base,
    )
  if (!match) return undefined
  const [, kind = '', edition = '', date = ''] = match
  if (kind.toLowerCase() === 'full') {
    throw new CodeFileError(
      'This is a Full release file; import the Snapshot description file (sct2_Description_Snapshot-…). Nothing was imported.',
    )
  }
  return `${edition}_${date}`
}
