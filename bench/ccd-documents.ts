/**
 * Writes every care summary the C-CDA bench and tests build (the bench's typical, largest and
 * empty patients, the tests' varied patients, more seeds in other time zones, and the demo's
 * Garcias) to a directory, as bytes and as a string, so that a change meant to leave the
 * document alone (a faster writer, say) can be checked byte for byte against the commit before:
 *
 *   node --import tsx bench/ccd-documents.ts /tmp/before   (on the old commit)
 *   node --import tsx bench/ccd-documents.ts /tmp/after    (on the new one)
 *   diff -r /tmp/before /tmp/after
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildCcd, buildCcdBytes } from '../server/ccd/build.ts'
import type { CareSummaryInput } from '../server/ccd/input.ts'
import { buildCareSummaryInput, variedCareSummaryInputs } from '../server/ccd/testing.ts'
import { garciaInputs } from './ccd.ts'

const ZONES = ['America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']

const directory = process.argv[2]
if (!directory) throw new Error('Usage: node --import tsx bench/ccd-documents.ts <directory>')
fs.mkdirSync(directory, { recursive: true })
const documents: { name: string; input: CareSummaryInput }[] = [
  { name: 'bench typical', input: buildCareSummaryInput({ entries: 5 }) },
  { name: 'bench largest', input: buildCareSummaryInput({ entries: 60, seed: 9 }) },
  { name: 'bench no data', input: buildCareSummaryInput({ entries: 0 }) },
  ...variedCareSummaryInputs(),
  ...Array.from({ length: 40 }, (_, index) => ({
    name: `seed ${index + 20}`,
    input: buildCareSummaryInput({
      seed: index + 20,
      entries: (index + 20) % 13,
      timeZone: ZONES[index % ZONES.length],
    }),
  })),
  ...(await garciaInputs()),
]
for (const { name, input } of documents) {
  const file = path.join(directory, name.replace(/[^\w-]+/g, '-'))
  // Bytes, a string, then bytes again: builds that follow one another share the writer's buffer.
  const bytes = buildCcdBytes(input)
  const string = buildCcd(input)
  if (!bytes.equals(buildCcdBytes(input))) throw new Error(`${name}: two builds differ`)
  fs.writeFileSync(`${file}.xml`, bytes)
  fs.writeFileSync(`${file}.string.xml`, string)
}
console.log(`${documents.length} documents in ${directory}`)
