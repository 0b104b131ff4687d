/**
 * Teeth as C-CDA target sites. The PMS numbers teeth in the ADA Universal system (1–32
 * permanent, A–T primary), which has no OID a CDA code can name; ISO 3950 (the FDI two-digit
 * notation, also accepted by the ADA) has one (OID.iso3950). The narrative keeps the practice's own number.
 */

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
