import { createHash } from 'node:crypto'
import { strToU8, type Zippable, zipSync } from 'fflate'
import { formatTs } from '../../ccd/dates.ts'
import { stableUuid } from '../../ccd/ids.ts'
import { escapeHtml } from '../../ccd/render-html.ts'
import { hl7Instant } from '../../ccd/time.ts'

/**
 * A care summary as an IHE XDM (ITI TF-3 §3.32) package: the C-CDA with readable HTML and PDF
 * copies in IHE_XDM/SUBSET01/ together with that subset's METADATA.XML (XDS metadata), and an
 * INDEX.HTM and README.TXT at the root, as XDM media carry them.
 */
export interface PackageInput {
  xml: string
  html: string
  pdf: Uint8Array
  documentId: string
  effectiveAt: Date
  practiceId: number
  practiceName: string
  /** The file name the patient downloads, e.g. care-summary-2025-03-14 (no extension). */
  baseName: string
  /** The reader's locale and the practice's zone: the index and README date it their way. */
  locale?: string
  timeZone?: string
}

/** When the summary was made, on the practice's clock, in the reader's way, with its offset. */
function createdText(input: PackageInput): string {
  if (!input.locale || !input.timeZone) return input.effectiveAt.toISOString()
  return formatTs(hl7Instant(input.effectiveAt, input.timeZone), input.locale)
}

export const XDM_ENTRIES = {
  xml: 'IHE_XDM/SUBSET01/DOC0001.XML',
  html: 'IHE_XDM/SUBSET01/DOC0002.HTM',
  pdf: 'IHE_XDM/SUBSET01/DOC0003.PDF',
  metadata: 'IHE_XDM/SUBSET01/METADATA.XML',
  index: 'INDEX.HTM',
  readme: 'README.TXT',
} as const

/** A UUID as an OID under 2.25 (ISO/IEC 9834-8), as XDS unique ids must be OIDs. */
export function uuidOid(uuid: string): string {
  return `2.25.${BigInt(`0x${uuid.replace(/-/g, '')}`).toString()}`
}

function xdsTime(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

const esc = (value: string) => escapeHtml(value)

function slot(name: string, ...values: string[]) {
  return `<rim:Slot name="${esc(name)}"><rim:ValueList>${values
    .map((value) => `<rim:Value>${esc(value)}</rim:Value>`)
    .join('')}</rim:ValueList></rim:Slot>`
}

function localized(value: string) {
  return `<rim:Name><rim:LocalizedString value="${esc(value)}"/></rim:Name>`
}

let counter = 0
function classification(
  scheme: string,
  object: string,
  code: string,
  codingScheme: string,
  display: string,
) {
  counter++
  return `<rim:Classification id="cl${String(counter).padStart(2, '0')}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${esc(code)}">${slot('codingScheme', codingScheme)}${localized(display)}</rim:Classification>`
}

function externalId(scheme: string, object: string, value: string, name: string) {
  counter++
  return `<rim:ExternalIdentifier id="ei${String(counter).padStart(2, '0')}" identificationScheme="${scheme}" registryObject="${object}" value="${esc(value)}">${localized(name)}</rim:ExternalIdentifier>`
}

/** The patient id from the document's recordTarget, as XDS's CX: `ext^^^&OID&ISO`. */
function patientCx(xml: string): string {
  const match = /<patientRole><id root="([^"]+)"(?: extension="([^"]*)")?/.exec(xml)
  const root = match?.[1] ?? ''
  const oid = /^[0-9a-f-]{36}$/i.test(root) ? uuidOid(root) : root
  return `${match?.[2] ?? ''}^^^&${oid}&ISO`
}

interface MetadataDocument {
  id: string
  uri: string
  mimeType: string
  body: Uint8Array
  title: string
  uniqueId: string
  formatCode: [string, string, string]
}

const LOINC = '2.16.840.1.113883.6.1'
const SUMMARY: [string, string] = ['34133-9', 'Summarization of Episode Note']

function metadata(input: PackageInput, documents: MetadataDocument[]): string {
  counter = 0
  const patient = patientCx(input.xml)
  const created = xdsTime(input.effectiveAt)
  const entries = documents.map((document) => {
    const sha1 = createHash('sha1').update(document.body).digest('hex')
    return `<rim:ExtrinsicObject id="${document.id}" mimeType="${document.mimeType}" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">${[
      slot('creationTime', created),
      slot('hash', sha1),
      slot('size', String(document.body.length)),
      slot('URI', document.uri),
      slot('languageCode', 'en-US'),
      slot('sourcePatientId', patient),
      localized(document.title),
      classification(
        'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
        document.id,
        SUMMARY[0],
        LOINC,
        SUMMARY[1],
      ),
      classification(
        'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
        document.id,
        'N',
        '2.16.840.1.113883.5.25',
        'normal',
      ),
      classification(
        'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
        document.id,
        document.formatCode[0],
        document.formatCode[1],
        document.formatCode[2],
      ),
      classification(
        'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
        document.id,
        SUMMARY[0],
        LOINC,
        SUMMARY[1],
      ),
      externalId(
        'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
        document.id,
        patient,
        'XDSDocumentEntry.patientId',
      ),
      externalId(
        'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
        document.id,
        document.uniqueId,
        'XDSDocumentEntry.uniqueId',
      ),
    ].join('')}</rim:ExtrinsicObject>`
  })
  const set = 'SubmissionSet01'
  const submission = `<rim:RegistryPackage id="${set}" objectType="urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage">${[
    slot('submissionTime', created),
    localized(`Care summary from ${input.practiceName}`),
    `<rim:Classification id="clss" classifiedObject="${set}" classificationNode="urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd"/>`,
    classification(
      'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
      set,
      SUMMARY[0],
      LOINC,
      SUMMARY[1],
    ),
    externalId(
      'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
      set,
      uuidOid(stableUuid('xdm-submission', input.documentId)),
      'XDSSubmissionSet.uniqueId',
    ),
    externalId(
      'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
      set,
      uuidOid(stableUuid('practice', String(input.practiceId))),
      'XDSSubmissionSet.sourceId',
    ),
    externalId(
      'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
      set,
      patient,
      'XDSSubmissionSet.patientId',
    ),
  ].join('')}</rim:RegistryPackage>`
  const associations = documents.map(
    (document, index) =>
      `<rim:Association id="as${String(index + 1).padStart(2, '0')}" associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" sourceObject="${set}" targetObject="${document.id}">${slot('SubmissionSetStatus', 'Original')}</rim:Association>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">',
    '<rim:RegistryObjectList>',
    ...entries,
    submission,
    ...associations,
    '</rim:RegistryObjectList>',
    '</lcm:SubmitObjectsRequest>',
    '',
  ].join('\n')
}

function indexHtml(input: PackageInput): string {
  const title = `Care summary from ${input.practiceName}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body><h1>${esc(title)}</h1>
<p>Created ${esc(createdText(input))}.</p>
<ul>
<li><a href="${XDM_ENTRIES.html}">Care summary (readable copy, HTML)</a></li>
<li><a href="${XDM_ENTRIES.pdf}">Care summary (readable copy, PDF)</a></li>
<li><a href="${XDM_ENTRIES.xml}">Care summary (HL7 C-CDA R2.1 XML, for health software)</a></li>
<li><a href="${XDM_ENTRIES.metadata}">Package metadata (IHE XDM)</a></li>
<li><a href="README.TXT">About this package</a></li>
</ul></body></html>
`
}

function readme(input: PackageInput): string {
  return [
    `Care summary from ${input.practiceName}`,
    '',
    'This package follows IHE XDM (Cross-Enterprise Document Media Interchange).',
    '',
    `  ${XDM_ENTRIES.xml}  the Continuity of Care Document (HL7 C-CDA R2.1) for health software`,
    `  ${XDM_ENTRIES.html}  the same summary to read in a web browser`,
    `  ${XDM_ENTRIES.pdf}  the same summary to read or print`,
    `  ${XDM_ENTRIES.metadata}  XDS metadata describing the documents`,
    '  INDEX.HTM  links to all of the above',
    '',
    `Created ${createdText(input)} by Bitewing, the patient portal of ${input.practiceName}.`,
    'It contains health information: keep it private.',
    '',
  ].join('\r\n')
}

/** The zip's bytes. Deterministic for the same input: entries are dated `effectiveAt`. */
export function buildXdmPackage(input: PackageInput): Uint8Array {
  const xml = strToU8(input.xml)
  const html = strToU8(input.html)
  const uniqueOf = (kind: string) => uuidOid(stableUuid('xdm-document', input.documentId, kind))
  const documents: MetadataDocument[] = [
    {
      id: 'Document01',
      uri: 'DOC0001.XML',
      mimeType: 'text/xml',
      body: xml,
      title: 'Continuity of Care Document',
      uniqueId: uuidOid(input.documentId),
      formatCode: [
        'urn:hl7-org:sdwg:ccda-structuredBody:2.1',
        '1.3.6.1.4.1.19376.1.2.3',
        'C-CDA R2.1 Structured Body',
      ],
    },
    {
      id: 'Document02',
      uri: 'DOC0002.HTM',
      mimeType: 'text/html',
      body: html,
      title: 'Continuity of Care Document (HTML)',
      uniqueId: uniqueOf('html'),
      formatCode: [
        'urn:ihe:iti:xds:2017:mimeTypeSufficient',
        '1.3.6.1.4.1.19376.1.2.3',
        'mimeType Sufficient',
      ],
    },
    {
      id: 'Document03',
      uri: 'DOC0003.PDF',
      mimeType: 'application/pdf',
      body: input.pdf,
      title: 'Continuity of Care Document (PDF)',
      uniqueId: uniqueOf('pdf'),
      formatCode: [
        'urn:ihe:iti:xds:2017:mimeTypeSufficient',
        '1.3.6.1.4.1.19376.1.2.3',
        'mimeType Sufficient',
      ],
    },
  ]
  const mtime = input.effectiveAt
  const files: Zippable = {
    [XDM_ENTRIES.index]: [strToU8(indexHtml(input)), { mtime }],
    [XDM_ENTRIES.readme]: [strToU8(readme(input)), { mtime }],
    [XDM_ENTRIES.xml]: [xml, { mtime }],
    [XDM_ENTRIES.html]: [html, { mtime }],
    // Already compressed: stored as is.
    [XDM_ENTRIES.pdf]: [input.pdf, { mtime, level: 0 }],
    [XDM_ENTRIES.metadata]: [strToU8(metadata(input, documents)), { mtime }],
  }
  return zipSync(files, { level: 6 })
}
