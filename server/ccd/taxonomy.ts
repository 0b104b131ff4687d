/**
 * A provider's specialty as a NUCC Health Care Provider Taxonomy code (code system
 * 2.16.840.1.113883.6.101), which C-CDA asks for on authors and performers (CONF:1198-16787).
 * The PMS stores the specialty as words; the dental ones are matched here. Codes and names are
 * NUCC's published taxonomy (nucc.org, free to use), Dentists (1223…) and Dental Hygienist.
 */

export interface Taxonomy {
  code: string
  displayName: string
}

const DENTIST: Taxonomy = { code: '122300000X', displayName: 'Dentist' }
const HYGIENIST: Taxonomy = { code: '124Q00000X', displayName: 'Dental Hygienist' }

// First match wins: "pediatric orthodontics" is orthodontics. Pathology and radiology come
// before surgery, and surgery needs the word itself, because all three are "Oral and
// Maxillofacial …": "maxillofacial" alone says nothing about which.
const BY_WORD: [RegExp, Taxonomy][] = [
  [/orthodont/i, { code: '1223X0400X', displayName: 'Orthodontics and Dentofacial Orthopedics' }],
  [/endodont/i, { code: '1223E0200X', displayName: 'Endodontics' }],
  [/periodont/i, { code: '1223P0300X', displayName: 'Periodontics' }],
  [/prosthodont/i, { code: '1223P0700X', displayName: 'Prosthodontics' }],
  [/p(a)?edodont|p(a)?ediatric/i, { code: '1223P0221X', displayName: 'Pediatric Dentistry' }],
  [/patholog/i, { code: '1223P0106X', displayName: 'Oral and Maxillofacial Pathology' }],
  [/radiolog/i, { code: '1223X0008X', displayName: 'Oral and Maxillofacial Radiology' }],
  [/surg/i, { code: '1223S0112X', displayName: 'Oral and Maxillofacial Surgery' }],
  [/public health/i, { code: '1223D0001X', displayName: 'Dental Public Health' }],
  [/hygien/i, HYGIENIST],
  [/general/i, { code: '1223G0001X', displayName: 'General Practice' }],
  [/dentist/i, DENTIST],
]

const NUCC_CODE = /^[0-9]{3}[0-9A-Z]{6}X$/

/** The taxonomy for what the PMS says; a NUCC code itself is taken as it is. */
export function providerTaxonomy(
  specialty: string | null | undefined,
  isHygienist: boolean | null | undefined,
): Taxonomy | undefined {
  const words = (specialty ?? '').trim()
  if (NUCC_CODE.test(words)) return { code: words, displayName: words }
  for (const [pattern, taxonomy] of BY_WORD) if (pattern.test(words)) return taxonomy
  if (isHygienist) return HYGIENIST
  return words ? undefined : DENTIST
}
