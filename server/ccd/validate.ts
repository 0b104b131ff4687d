/**
 * Schema validation of CDA documents with xmllint (libxml2 compiled to WebAssembly), against the
 * CDA R2 schema with HL7's SDTC extensions kept in ./schema (copied from HL7/CDA-core-2.0 so a
 * fresh clone can validate). Schema validity is the floor: template rules are checked by tests.
 */

import fs from 'node:fs'
import path from 'node:path'
import type { XMLFileInfo } from 'xmllint-wasm'

const SCHEMA_DIR = path.join(import.meta.dirname, 'schema')
const MAIN_SCHEMA = 'infrastructure/cda/CDA_SDTC.xsd'

export interface CcdValidation {
  valid: boolean
  errors: string[]
}

let schemaFiles: { main: XMLFileInfo; preload: XMLFileInfo[] } | undefined

/** Reads the schema folder once; xmllint resolves includes by these relative names. */
function loadSchema() {
  if (schemaFiles) return schemaFiles
  const names = (fs.readdirSync(SCHEMA_DIR, { recursive: true }) as string[])
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.xsd'))
    .sort()
  const files = names.map((fileName) => ({
    fileName,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8'),
  }))
  const main = files.find((file) => file.fileName === MAIN_SCHEMA)
  if (!main) throw new Error(`CDA schema not found: ${path.join(SCHEMA_DIR, MAIN_SCHEMA)}`)
  schemaFiles = { main, preload: files.filter((file) => file !== main) }
  return schemaFiles
}

/** Validates one document. */
export async function validateCcd(xml: string): Promise<CcdValidation> {
  const [result] = await validateCcds([xml])
  return result as CcdValidation
}

/**
 * Validates several documents in one xmllint run: parsing the schema dominates the cost
 * (~0.3 s), so batches are much faster than one call each.
 */
export async function validateCcds(xmls: readonly string[]): Promise<CcdValidation[]> {
  if (xmls.length === 0) return []
  const { main, preload } = loadSchema()
  const files = xmls.map((contents, index) => ({ fileName: `document-${index}.xml`, contents }))
  // The WebAssembly libxml2 loads on first use; the portal itself never validates at start-up.
  const { validateXML } = await import('xmllint-wasm')
  const result = await validateXML({
    xml: files,
    schema: main,
    preload,
    // Large documents (hundreds of entries) need more than the default 32 MiB.
    maxMemoryPages: 16 * 1024,
  })
  const byFile = new Map<string, string[]>(files.map((file) => [file.fileName, []]))
  const unattributed: string[] = []
  for (const error of result.errors) {
    // xmllint's closing "document-3.xml fails to validate" has no location but names its file.
    const named = /^(document-\d+\.xml) fails to validate/.exec(error.message)?.[1]
    const list = byFile.get(error.loc?.fileName ?? named ?? '')
    const line = error.loc ? `line ${error.loc.lineNumber}: ` : ''
    ;(list ?? unattributed).push(`${line}${error.message}`)
  }
  return files.map((file) => {
    const errors = [...(byFile.get(file.fileName) ?? []), ...unattributed]
    return { valid: errors.length === 0 && (result.valid || unattributed.length === 0), errors }
  })
}
