/**
 * Teeth as C-CDA target sites. The PMS numbers teeth in the ADA Universal system (1–32
 * permanent, A–T primary), which has no OID a CDA code can name; ISO 3950 (the FDI two-digit
 * notation, also accepted by the ADA) has one (OID.iso3950). The narrative keeps the practice's own number.
 */

import { codeSystemOid, OID } from './templates.ts'

/** Universal 1–8 is FDI 18–11 (upper right, from the back), 9–16 is 21–28, and so on. */
function permanent(universal: number): string {
  const quadrant = Math.ceil(universal / 8)
  const position =
    quadrant % 2 === 1 ? 9 - (universal - (quadrant - 1) * 8) : universal - (quadrant - 1) * 8
  return `${quadrant}${position}`
}

/** Primary A–E is FDI 55–51, F–J 61–65, K–O 75–71, P–T 81–85. */
function primary(letter: string): string {
  const index = letter.charCodeAt(0) - 'A'.charCodeAt(0)
  const quadrant = Math.floor(index / 5)
  const offset = index % 5
  const position = quadrant % 2 === 0 ? 5 - offset : offset + 1
  return `${quadrant + 5}${position}`
}

/** The ISO 3950 code of a Universal tooth number; undefined for supernumerary or unknown. */
export function fdiTooth(tooth: string | null | undefined): string | undefined {
  const value = (tooth ?? '').trim().toUpperCase()
  if (/^([1-9]|[12]\d|3[0-2])$/.test(value)) return permanent(Number(value))
  if (/^[A-T]$/.test(value)) return primary(value)
  return undefined
}

export interface ToothSurface {
  /** The PMS's letter (ADA: M, O, I, D, B, F, L). */
  letter: string
  /** SNOMED CT body structure; undefined where SNOMED has no surface concept we carry. */
  code?: string
  displayName: string
}

/**
 * A tooth's surfaces as SNOMED CT body structures, the code system of C-CDA's Body Site value
 * set (2.16.840.1.113883.3.88.12.3221.8.9). The codes are SNOMED International's own dental
 * surface concepts (their implementation demonstrator's odontogram); buccal and facial are both
 * the vestibular surface. Incisal has no such concept here: it is sent as its words (OTH).
 */
const SURFACES: Record<string, Omit<ToothSurface, 'letter'>> = {
  M: { code: '8483002', displayName: 'Structure of mesial surface of tooth' },
  D: { code: '90933009', displayName: 'Structure of distal surface of tooth' },
  O: { code: '83473006', displayName: 'Structure of occlusal surface of tooth' },
  L: { code: '72203008', displayName: 'Structure of lingual surface of tooth' },
  B: { code: '62579006', displayName: 'Structure of vestibular surface of tooth' },
  F: { code: '62579006', displayName: 'Structure of vestibular surface of tooth' },
  I: { displayName: 'Incisal surface of tooth' },
}

/** 'MOD' → mesial, occlusal, distal; letters that name no surface are left to the narrative. */
export function toothSurfaces(surface: string | null | undefined): ToothSurface[] {
  const found: ToothSurface[] = []
  for (const letter of new Set((surface ?? '').toUpperCase().replace(/[^A-Z]/g, ''))) {
    const known = SURFACES[letter]
    if (known && !found.some((s) => s.code && s.code === known.code))
      found.push({ letter, ...known })
  }
  return found
}

/** A procedure's target site in a code system: a tooth, one of its surfaces, or an area. */
export interface TargetSite {
  code: string
  /** OID.iso3950 or OID.snomed. */
  codeSystem: string
  displayName: string
  /** The narrative's words, where the code's display name is not what a patient would say. */
  text?: string
}

/**
 * ISO 3950's designations of areas of the oral cavity, by how the PMS writes the area of a
 * procedure that has no tooth (in its surface field, as Open Dental does): arches U and L,
 * quadrants UR, UL, LL, LR, sextants 1–6 from the upper right, clockwise.
 */
const AREAS: Record<string, Omit<TargetSite, 'codeSystem'>> = {
  U: { code: '01', displayName: 'Maxillary area' },
  L: { code: '02', displayName: 'Mandibular area' },
  UR: { code: '10', displayName: 'Upper right quadrant' },
  UL: { code: '20', displayName: 'Upper left quadrant' },
  LL: { code: '30', displayName: 'Lower left quadrant' },
  LR: { code: '40', displayName: 'Lower right quadrant' },
  '1': { code: '03', displayName: 'Upper right sextant' },
  '2': { code: '04', displayName: 'Upper anterior sextant' },
  '3': { code: '05', displayName: 'Upper left sextant' },
  '4': { code: '06', displayName: 'Lower left sextant' },
  '5': { code: '07', displayName: 'Lower anterior sextant' },
  '6': { code: '08', displayName: 'Lower right sextant' },
}

/** SNOMED CT "Oral cavity structure", a body structure of C-CDA's Body Site value set. */
export const ORAL_CAVITY: TargetSite = {
  code: '74262004',
  codeSystem: OID.snomed,
  displayName: 'Oral cavity structure',
  text: 'Whole mouth',
}

/** The ISO 3950 area a procedure without a tooth names in its surface field, if it names one. */
export function oralArea(area: string | null | undefined): TargetSite | undefined {
  const found = AREAS[(area ?? '').trim().toUpperCase()]
  return found ? { ...found, codeSystem: OID.iso3950 } : undefined
}

/**
 * Where a procedure without a tooth was done: the area its surface field names (ISO 3950); else,
 * for a CDT code of diagnostic to orthodontic services (D0–D8), which all work in the mouth, the
 * oral cavity. Adjunctive services (D9: anaesthesia, consultations, drugs) and other code
 * systems name no site the record can vouch for: undefined.
 */
export function procedureArea(procedure: {
  code: string
  codeSystem?: string | null
  surface?: string | null
}): TargetSite | undefined {
  const area = oralArea(procedure.surface)
  if (area) return area
  const cdt = codeSystemOid(procedure.codeSystem, OID.cdt) === OID.cdt
  return cdt && /^D[0-8]\d{3}$/i.test(procedure.code.trim()) ? ORAL_CAVITY : undefined
}
