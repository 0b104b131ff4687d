/**
 * HL7's C-CDA R2.1 Schematron (the rules ONC's and NIST's validators apply), run with SaxonJS on
 * the validator compiled into ./schematron/ccda-r2.1.sef.json (see ./schematron/PROVENANCE.md).
 * Test and benchmark tooling: saxon-js is a dev dependency and the portal never loads this.
 */

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'

const DIR = path.join(import.meta.dirname, 'schematron')
const SEF = path.join(DIR, 'ccda-r2.1.sef.json.gz')
const SVRL = 'http://purl.oclc.org/dsdl/svrl'

export interface SchematronFinding {
  /** The assert's id in HL7's Schematron, e.g. `a-1098-7508`. */
  id: string
  /** XPath of the element the rule fired on. */
  location: string
  /** HL7's wording, ending with the conformance number (CONF:…). */
  text: string
}

export interface SchematronResult {
  errors: SchematronFinding[]
  warnings: SchematronFinding[]
}

interface SaxonJs {
  transform(options: Record<string, unknown>, mode: 'sync'): { principalResult: unknown }
  XPath: { evaluate(xpath: string, context: unknown, options?: Record<string, unknown>): unknown }
}

let saxon: SaxonJs | undefined
let stylesheet: string | undefined

function saxonJs(): SaxonJs {
  saxon ??= createRequire(import.meta.url)('saxon-js') as SaxonJs
  return saxon
}

/** Runs the Schematron on one document; every failed assert is an error or a warning. */
export function validateSchematron(xml: string): SchematronResult {
  const saxonJs_ = saxonJs()
  stylesheet ??= gunzipSync(fs.readFileSync(SEF)).toString('utf8')
  const { principalResult } = saxonJs_.transform(
    {
      stylesheetText: stylesheet,
      // The validator was exported relocatable: document('voc.xml') resolves against this.
      stylesheetBaseURI: pathToFileURL(path.join(DIR, 'ccda-r2.1.sef.json')).href,
      sourceText: xml,
      destination: 'document',
    },
    'sync',
  )
  const findings = saxonJs_.XPath.evaluate(
    `array { //svrl:failed-assert ! map {
        'role': string(@role), 'id': string(@id), 'location': string(@location),
        'text': normalize-space(svrl:text) } }`,
    principalResult,
    { namespaceContext: { svrl: SVRL } },
  ) as { role: string; id: string; location: string; text: string }[]
  const result: SchematronResult = { errors: [], warnings: [] }
  for (const { role, ...finding } of findings) {
    ;(role === 'warning' ? result.warnings : result.errors).push(finding)
  }
  return result
}
