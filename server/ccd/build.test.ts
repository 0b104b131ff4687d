import { describe, expect, it } from 'vitest'
import { buildCcd, buildCcdBytes } from './build.ts'
import { childElements, find, parseXml, textOf, type XmlElement } from './parse-xml.ts'
import { SECTIONS } from './templates.ts'
import { buildCareSummaryInput, emptyCareSummaryInput, variedCareSummaryInputs } from './testing.ts'

function* walk(element: XmlElement): Generator<XmlElement> {
  yield element
  for (const child of childElements(element)) yield* walk(child)
}

function sectionsOf(document: XmlElement): XmlElement[] {
  const body = find(document, 'component', 'structuredBody')
  return childElements(body as XmlElement, 'component').map((c) => find(c, 'section') as XmlElement)
}

function templateIds(element: XmlElement): string[] {
  return childElements(element, 'templateId').map(
    (t) => `${t.attributes.root}${t.attributes.extension ? `:${t.attributes.extension}` : ''}`,
  )
}

// Built and parsed once: every check below reads the same documents.
const varied = variedCareSummaryInputs().map(({ name, input }) => {
  const xml = buildCcd(input)
  return { name, input, xml, document: parseXml(xml) }
})

describe('buildCcd header', () => {
  const document = parseXml(buildCcd(buildCareSummaryInput()))

  it('is a US Realm Header CCD, R2.1', () => {
    expect(document.attributes.xmlns).toBe('urn:hl7-org:v3')
    expect(find(document, 'realmCode')?.attributes.code).toBe('US')
    expect(find(document, 'typeId')?.attributes).toEqual({
      root: '2.16.840.1.113883.1.3',
      extension: 'POCD_HD000040',
    })
    expect(templateIds(document)).toEqual(
      expect.arrayContaining([
        '2.16.840.1.113883.10.20.22.1.1:2015-08-01',
        '2.16.840.1.113883.10.20.22.1.2:2015-08-01',
      ]),
    )
    expect(find(document, 'code')?.attributes.code).toBe('34133-9')
    expect(find(document, 'confidentialityCode')?.attributes.code).toBe('N')
    expect(find(document, 'languageCode')?.attributes.code).toBe('en-US')
    expect(find(document, 'effectiveTime')?.attributes.value).toBe('20250314100926-0500')
  })

  it('names the patient, author, custodian and care team', () => {
    const patient = find(document, 'recordTarget', 'patientRole', 'patient')
    expect(textOf(find(patient, 'name'))).toBe('Jordan Lee Rivera')
    expect(find(patient, 'administrativeGenderCode')?.attributes.code).toBe('F')
    expect(find(patient, 'raceCode')?.attributes.code).toBe('2106-3')
    expect(find(patient, 'ethnicGroupCode')?.attributes.nullFlavor).toBe('ASKU')
    expect(find(patient, 'languageCommunication', 'languageCode')?.attributes.code).toBe('en')
    expect(textOf(find(document, 'author', 'assignedAuthor', 'assignedPerson'))).toBe(
      'Ana Molar DDS',
    )
    const custodian = find(
      document,
      'custodian',
      'assignedCustodian',
      'representedCustodianOrganization',
    )
    expect(textOf(find(custodian, 'name'))).toBe('Bright Smiles Dental')
    const serviceEvent = find(document, 'documentationOf', 'serviceEvent')
    expect(serviceEvent?.attributes.classCode).toBe('PCPR')
    expect(childElements(serviceEvent as XmlElement, 'performer')).toHaveLength(2)
  })

  it('uses nullFlavors for what is not known, and Bitewing as author without a provider', () => {
    const empty = parseXml(buildCcd(emptyCareSummaryInput()))
    const patient = find(empty, 'recordTarget', 'patientRole', 'patient')
    expect(find(patient, 'administrativeGenderCode')?.attributes.nullFlavor).toBe('UNK')
    expect(find(patient, 'birthTime')?.attributes.nullFlavor).toBe('UNK')
    expect(find(patient, 'raceCode')?.attributes.nullFlavor).toBe('UNK')
    const author = find(empty, 'author', 'assignedAuthor', 'assignedAuthoringDevice')
    expect(textOf(find(author, 'manufacturerModelName'))).toBe('Bitewing')
  })
})

describe('buildCcd sections', () => {
  const definitions = Object.values(SECTIONS)

  it('has every section with its templateId, extension and LOINC code, in order', () => {
    for (const { name, document } of varied) {
      const sections = sectionsOf(document)
      expect(
        sections.map((s) => find(s, 'code')?.attributes.code),
        name,
      ).toEqual(definitions.map((d) => d.loinc))
      sections.forEach((section, index) => {
        const definition = definitions[index]
        if (!definition) throw new Error('more sections than defined')
        expect(templateIds(section)).toContain(
          `${definition.templateId.root}:${definition.templateId.extension}`,
        )
        expect(textOf(find(section, 'title'))).toBe(definition.title)
      })
    }
  })

  it('marks sections with no data nullFlavor NI and says so in words', () => {
    const sections = sectionsOf(parseXml(buildCcd(emptyCareSummaryInput())))
    expect(sections).toHaveLength(definitions.length)
    sections.forEach((section, index) => {
      expect(section.attributes.nullFlavor).toBe('NI')
      expect(childElements(section, 'entry')).toHaveLength(0)
      expect(textOf(find(section, 'text'))).toBe(definitions[index]?.emptyText)
    })
    const full = sectionsOf(parseXml(buildCcd(buildCareSummaryInput())))
    for (const section of full) {
      expect(section.attributes.nullFlavor).toBeUndefined()
      expect(childElements(section, 'entry').length).toBeGreaterThan(0)
    }
  })

  it('links every reference to an ID in its own section narrative, IDs unique', () => {
    for (const { name, document } of varied) {
      const allIds = [...walk(document)].map((e) => e.attributes.ID).filter(Boolean)
      expect(new Set(allIds).size, name).toBe(allIds.length)
      for (const section of sectionsOf(document)) {
        const narrativeIds = new Set(
          [...walk(find(section, 'text') as XmlElement)].map((e) => e.attributes.ID),
        )
        const references = [...walk(section)].filter((e) => e.localName === 'reference')
        for (const reference of references) {
          expect(reference.attributes.value, name).toMatch(/^#/)
          expect(narrativeIds.has(reference.attributes.value?.slice(1)), name).toBe(true)
        }
        for (const entry of childElements(section, 'entry')) {
          const statement = childElements(entry)[0] as XmlElement
          const linked =
            statement.localName === 'organizer'
              ? childElements(statement, 'component').every((c) =>
                  find(childElements(c)[0], 'text', 'reference'),
                )
              : Boolean(find(statement, 'text', 'reference'))
          expect(
            linked,
            `${name}: ${statement.localName} in ${textOf(find(section, 'title'))}`,
          ).toBe(true)
        }
      }
    }
  })

  it('writes instants with a time zone offset and dates at day precision', () => {
    for (const { name, document } of varied) {
      for (const element of walk(document)) {
        const value = element.attributes.value
        if (!['effectiveTime', 'low', 'high', 'time', 'birthTime'].includes(element.localName))
          continue
        // A reference range's low and high are quantities (with a unit), not times.
        if (value === undefined || element.attributes.unit !== undefined) continue
        expect(value, `${name}: ${element.localName}`).toMatch(/^\d{8}$|^\d{14}[+-]\d{4}$/)
      }
    }
  })

  it('codes CDT procedures, CVX vaccines and smoking status', () => {
    const document = parseXml(buildCcd(buildCareSummaryInput()))
    const codes = [...walk(document)].filter((e) => e.localName === 'code')
    expect(codes.some((c) => c.attributes.codeSystem === '2.16.840.1.113883.6.13')).toBe(true)
    expect(codes.some((c) => c.attributes.codeSystem === '2.16.840.1.113883.12.292')).toBe(true)
    expect(codes.some((c) => c.attributes.code === '72166-2')).toBe(true)
  })
})

describe('buildCcd output', () => {
  it('is deterministic: same input, same bytes', () => {
    for (const { input, xml } of varied) expect(buildCcd(structuredClone(input))).toBe(xml)
  })

  it('gives the same document as UTF-8 bytes', () => {
    for (const { input, xml } of varied) {
      expect(buildCcdBytes(input).equals(Buffer.from(xml, 'utf8'))).toBe(true)
    }
  })

  it('gives another document id at another time, the same entry ids', () => {
    const first = buildCareSummaryInput()
    const later = buildCareSummaryInput()
    later.document.effectiveAt = '2025-04-01T12:00:00Z'
    const a = parseXml(buildCcd(first))
    const b = parseXml(buildCcd(later))
    expect(find(a, 'id')?.attributes.root).not.toBe(find(b, 'id')?.attributes.root)
    const entryIds = (d: XmlElement) =>
      sectionsOf(d).flatMap((s) =>
        childElements(s, 'entry').map((e) => find(childElements(e)[0], 'id')?.attributes.extension),
      )
    expect(entryIds(a)).toEqual(entryIds(b))
  })

  it('keeps names exactly, whatever their script or characters', () => {
    for (const { input, document } of varied) {
      const patient = find(document, 'recordTarget', 'patientRole', 'patient')
      const name = find(patient, 'name') as XmlElement
      expect(textOf(childElements(name, 'given')[0])).toBe(input.patient.firstName)
      expect(textOf(find(name, 'family'))).toBe(input.patient.lastName)
    }
  })
})

describe('buildCcd dental detail', () => {
  const input = buildCareSummaryInput({ entries: 1 })
  input.procedures = [
    {
      id: 'p-1',
      code: 'D2391',
      description: 'Resin filling, one surface, back tooth',
      tooth: '3',
      surface: 'O',
      performedOn: '2024-05-02',
      status: 'Complete',
      providerId: 'prov-1',
    },
    {
      id: 'p-2',
      code: 'D2393',
      description: 'Resin filling, three surfaces, back tooth',
      tooth: '30',
      surface: 'MOD',
      performedOn: '2024-05-03',
      status: 'Complete',
      providerId: 'prov-1',
    },
    {
      id: 'p-3',
      code: 'D4341',
      description: 'Scaling and root planing, four or more teeth per quadrant',
      surface: 'UR',
      performedOn: '2024-05-04',
      status: 'Complete',
    },
    {
      id: 'p-4',
      code: 'D0150',
      description: 'Comprehensive oral evaluation',
      performedOn: '2024-05-04',
      status: 'Complete',
    },
    {
      id: 'p-5',
      code: 'D9230',
      description: 'Inhalation of nitrous oxide',
      performedOn: '2024-05-04',
      status: 'Complete',
    },
  ]
  input.careTeam = input.careTeam.map((provider) =>
    provider.id === 'prov-1' ? { ...provider, specialty: 'Orthodontics' } : provider,
  )
  input.author = input.careTeam[0]
  const xml = buildCcd(input)
  const document = parseXml(xml)

  it("codes the procedure's tooth in ISO 3950 and keeps the practice's number in the narrative", () => {
    const procedure = [...walk(document)].find(
      (element) => element.localName === 'procedure' && element.attributes.moodCode === 'EVN',
    ) as XmlElement
    const site = find(procedure, 'targetSiteCode') as XmlElement
    expect(site.attributes).toMatchObject({ code: '16', codeSystem: '1.0.3950' })
    const reference = find(site, 'originalText', 'reference')?.attributes.value as string
    const cell = [...walk(document)].find((element) => element.attributes.ID === reference.slice(1))
    expect(cell && textOf(cell)).toBe('3')
  })

  it("codes each surface as one more target site in SNOMED CT, the narrative's cell its text", () => {
    const filling = [...walk(document)].filter(
      (element) => element.localName === 'procedure' && element.attributes.moodCode === 'EVN',
    )[1] as XmlElement
    const sites = childElements(filling, 'targetSiteCode')
    expect(sites.map((site) => [site.attributes.code, site.attributes.codeSystem])).toEqual([
      ['46', '1.0.3950'],
      ['8483002', '2.16.840.1.113883.6.96'],
      ['83473006', '2.16.840.1.113883.6.96'],
      ['90933009', '2.16.840.1.113883.6.96'],
    ])
    const cellOf = (site: XmlElement) => {
      const reference = find(site, 'originalText', 'reference')?.attributes.value as string
      const cell = [...walk(document)].find((e) => e.attributes.ID === reference.slice(1))
      return cell && textOf(cell)
    }
    expect(cellOf(sites[0] as XmlElement)).toBe('30')
    expect(cellOf(sites[1] as XmlElement)).toBe('MOD')
  })

  it('codes the area of work without a tooth: its quadrant, else the whole mouth, else none', () => {
    const [, , scaling, exam, sedation] = [...walk(document)].filter(
      (element) => element.localName === 'procedure' && element.attributes.moodCode === 'EVN',
    ) as XmlElement[]
    const sitesOf = (procedure: XmlElement | undefined) =>
      childElements(procedure as XmlElement, 'targetSiteCode').map((site) => {
        const reference = find(site, 'originalText', 'reference')?.attributes.value as string
        const cell = [...walk(document)].find((e) => e.attributes.ID === reference.slice(1))
        return [site.attributes.code, site.attributes.codeSystem, cell && textOf(cell)]
      })
    expect(sitesOf(scaling)).toEqual([['10', '1.0.3950', 'Upper right quadrant']])
    expect(sitesOf(exam)).toEqual([['74262004', '2.16.840.1.113883.6.96', 'Whole mouth']])
    expect(sitesOf(sedation)).toEqual([])
    const header = [...walk(document)].filter((e) => e.localName === 'th').map(textOf)
    expect(header).toContain('Tooth or area')
  })

  it("gives each clinical statement an author: the summary's, at the record's date", () => {
    const body = find(document, 'component', 'structuredBody') as XmlElement
    const authored = [...walk(body)].filter((element) =>
      ['observation', 'act', 'substanceAdministration', 'organizer', 'procedure'].includes(
        element.localName,
      ),
    )
    const authors = authored.flatMap((element) => childElements(element, 'author'))
    expect(authors.length).toBeGreaterThan(10)
    for (const author of authors) {
      expect(templateIds(author)).toEqual(['2.16.840.1.113883.10.20.22.4.119'])
      expect(find(author, 'time')?.attributes.value).toMatch(/^\d{8}/)
      expect(find(author, 'assignedAuthor', 'id')?.attributes).toMatchObject({
        root: '2.16.840.1.113883.4.6',
        extension: '1234567893',
      })
    }
    const exam = authored.find((e) => find(e, 'id')?.attributes.extension === 'procedure-p-4')
    expect(find(exam as XmlElement, 'author', 'time')?.attributes.value).toBe('20240504')
  })

  it('names the performer with their organization and specialty', () => {
    const entity = find(document, 'component', 'structuredBody')
    const performers = [...walk(entity as XmlElement)].filter((e) => e.localName === 'performer')
    expect(performers.length).toBeGreaterThan(0)
    const assigned = find(performers[0] as XmlElement, 'assignedEntity') as XmlElement
    expect(find(assigned, 'code')?.attributes).toMatchObject({
      code: '1223X0400X',
      codeSystem: '2.16.840.1.113883.6.101',
    })
    expect(find(assigned, 'representedOrganization', 'name')).toBeDefined()
  })

  it('names the organization for an encounter whose provider did no procedure', () => {
    const input = { ...buildCareSummaryInput(), procedures: [] }
    const alone = parseXml(buildCcd(input))
    const encounters = sectionsOf(alone).find((section) =>
      templateIds(section).includes(SECTIONS.encounters.templateId.root),
    ) as XmlElement
    const performers = [...walk(encounters)].filter((e) => e.localName === 'performer')
    expect(performers.length).toBeGreaterThan(0)
    for (const performer of performers) {
      expect(find(performer, 'assignedEntity', 'representedOrganization', 'name')).toBeDefined()
    }
  })

  it('has the authoring provider as legal authenticator, and none when Bitewing writes it', () => {
    const legal = find(document, 'legalAuthenticator') as XmlElement
    expect(find(legal, 'signatureCode')?.attributes.code).toBe('S')
    expect(find(legal, 'assignedEntity', 'id')?.attributes).toMatchObject({
      root: '2.16.840.1.113883.4.6',
      extension: '1234567893',
    })
    const unsigned = parseXml(buildCcd(emptyCareSummaryInput()))
    expect(find(unsigned, 'legalAuthenticator')).toBeUndefined()
  })
})
