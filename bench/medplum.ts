/**
 * The same patient through @medplum/ccda (FHIR R4 → C-CDA), for the side-by-side figures of
 * `npm run bench -- ccd`: its time per document, whether its output passes our schema
 * validation, and whether its sections have narrative linked to their entries.
 *
 * @medplum/ccda 5.x reads the global WebSocket when it loads. Node 22 has one; Node 20 only
 * with --experimental-websocket, so there this file measures in a child process given that
 * flag (it is a development dependency; nothing in the portal loads it).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { childElements, find, parseXml, type XmlElement } from '../server/ccd/parse-xml.ts'
import { buildCareSummaryInput } from '../server/ccd/testing.ts'
import { validateCcd } from '../server/ccd/validate.ts'
import { careSummaryBundle } from './fhir/bundle.ts'
import { median } from './stats.ts'
import { timeSync } from './timing.ts'

export interface MedplumFigures {
  version: string
  /** FHIR bundle → C-CDA XML as UTF-8 bytes, per document. */
  convertMedianMs: number
  /** Our mapping of the input to the FHIR bundle, which adopting it would add. */
  mapToFhirMedianMs: number
  bytes: number
  valid: boolean
  firstError?: string
  sections: number
  sectionsWithNarrative: number
  entries: number
  entriesLinkedToNarrative: number
}

function sectionsOf(document: XmlElement): XmlElement[] {
  const body = find(document, 'component', 'structuredBody')
  if (!body) return []
  return childElements(body, 'component').flatMap((c) => childElements(c, 'section'))
}

function hasNarrative(section: XmlElement): boolean {
  const text = find(section, 'text')
  return Boolean(text?.children.some((c) => typeof c !== 'string' || c.trim() !== ''))
}

function linkedToNarrative(entry: XmlElement): boolean {
  const statement = childElements(entry)[0]
  return Boolean(statement && find(statement, 'text', 'reference'))
}

async function describeOutput(xml: string) {
  const sections = sectionsOf(parseXml(xml))
  const entries = sections.flatMap((section) => childElements(section, 'entry'))
  const validation = await validateCcd(xml)
  return {
    bytes: Buffer.byteLength(xml),
    valid: validation.valid,
    firstError: validation.errors[0],
    sections: sections.length,
    sectionsWithNarrative: sections.filter(hasNarrative).length,
    entries: entries.length,
    entriesLinkedToNarrative: entries.filter(linkedToNarrative).length,
  }
}

/** The package does not export its package.json; read it beside its entry point. */
function installedVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@medplum/ccda'))
  const manifest = path.join(path.dirname(entry), '..', '..', 'package.json')
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
}

async function measure(): Promise<MedplumFigures> {
  const { convertCcdaToXml, convertFhirToCcda } = await import('@medplum/ccda')
  const typical = buildCareSummaryInput({ entries: 5 })
  const bundle = careSummaryBundle(typical)
  const convert = () => Buffer.from(convertCcdaToXml(convertFhirToCcda(bundle)), 'utf8')
  timeSync(50, convert) // warm up the JIT
  const convertTimes = timeSync(300, convert)
  timeSync(200, () => careSummaryBundle(typical))
  const mapTimes = timeSync(1000, () => careSummaryBundle(typical))
  return {
    version: installedVersion(),
    convertMedianMs: median(convertTimes),
    mapToFhirMedianMs: median(mapTimes),
    ...(await describeOutput(convertCcdaToXml(convertFhirToCcda(bundle)))),
  }
}

function measureInChildProcess(): MedplumFigures {
  const output = execFileSync(
    process.execPath,
    ['--experimental-websocket', '--import', 'tsx', fileURLToPath(import.meta.url)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return JSON.parse(output) as MedplumFigures
}

export async function benchMedplum(): Promise<MedplumFigures> {
  return 'WebSocket' in globalThis ? measure() : measureInChildProcess()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(await measure()))
}
