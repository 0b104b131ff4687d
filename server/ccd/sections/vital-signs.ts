import type { BuildContext } from '../context.ts'
import { coded, entryAuthor, templateId, textReference } from '../datatypes.ts'
import type { VitalSigns } from '../input.ts'
import { cell, type ListSection, writeListSection } from '../narrative.ts'
import { ENTRY, OID, SECTIONS } from '../templates.ts'
import { hl7Instant, readableInstant } from '../time.ts'
import { startObservation } from './observation.ts'

type Measurement = Exclude<keyof VitalSigns, 'id' | 'measuredAt'>

interface Sign {
  key: Measurement
  loinc: string
  name: string
  /** UCUM, as the Vital Sign Observation requires. */
  unit: string
  /** The unit as a reader expects it. */
  shown: string
}

const SIGNS: Sign[] = [
  { key: 'heightCm', loinc: '8302-2', name: 'Body height', unit: 'cm', shown: 'cm' },
  { key: 'weightKg', loinc: '29463-7', name: 'Body weight', unit: 'kg', shown: 'kg' },
  { key: 'bmi', loinc: '39156-5', name: 'Body mass index', unit: 'kg/m2', shown: 'kg/m²' },
  {
    key: 'systolicMmHg',
    loinc: '8480-6',
    name: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    shown: 'mmHg',
  },
  {
    key: 'diastolicMmHg',
    loinc: '8462-4',
    name: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    shown: 'mmHg',
  },
  { key: 'pulsePerMin', loinc: '8867-4', name: 'Heart rate', unit: '/min', shown: '/min' },
  { key: 'temperatureC', loinc: '8310-5', name: 'Body temperature', unit: 'Cel', shown: '°C' },
  {
    key: 'respiratoryRatePerMin',
    loinc: '9279-1',
    name: 'Respiratory rate',
    unit: '/min',
    shown: '/min',
  },
  {
    key: 'oxygenSaturationPct',
    loinc: '59408-5',
    name: 'Oxygen saturation by pulse oximetry',
    unit: '%',
    shown: '%',
  },
]

const BY_KEY = new Map(SIGNS.map((sign) => [sign.key, sign]))

const HEADERS = [
  'Date',
  'Height',
  'Weight',
  'BMI',
  'Blood pressure',
  'Pulse',
  'Temperature',
  'Respiratory rate',
  'Oxygen saturation',
] as const

// Narrative columns after the date; blood pressure is one column holding two observations.
const COLUMNS: Measurement[][] = [
  ['heightCm'],
  ['weightKg'],
  ['bmi'],
  ['systolicMmHg', 'diastolicMmHg'],
  ['pulsePerMin'],
  ['temperatureC'],
  ['respiratoryRatePerMin'],
  ['oxygenSaturationPct'],
]

function measured(record: VitalSigns, key: Measurement): number | undefined {
  const value = record[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** At most two decimals, no trailing zeros: measurements arrive as doubles. */
function number(value: number): string {
  return String(Math.round(value * 100) / 100)
}

const VITAL_SIGNS: ListSection<VitalSigns> = {
  definition: SECTIONS.vitalSigns,
  headers: HEADERS,
  rowId: 'vitals',
  cells(ctx, record, id) {
    const { w } = ctx
    cell(w, readableInstant(record.measuredAt, ctx.timeZone))
    for (const column of COLUMNS) {
      w.start('td')
      const present = column.filter((key) => measured(record, key) !== undefined)
      present.forEach((key, position) => {
        if (position > 0) w.text('/')
        w.element('content', number(measured(record, key) as number), { ID: `${id}-${key}` })
      })
      if (present[0]) w.text(` ${BY_KEY.get(present[0])?.shown ?? ''}`)
      w.end()
    }
  },
  entry,
}

export function vitalSignsSection(ctx: BuildContext): void {
  // A set of vital signs with no measurement in it has nothing to say (an organizer needs one).
  const records = ctx.input.vitalSigns.filter((record) =>
    SIGNS.some((sign) => measured(record, sign.key) !== undefined),
  )
  writeListSection(ctx, VITAL_SIGNS, records)
}

function entry(ctx: BuildContext, record: VitalSigns, id: string): void {
  const { w } = ctx
  const time = hl7Instant(record.measuredAt, ctx.timeZone)
  w.start('entry', { typeCode: 'DRIV' })
  w.start('organizer', { classCode: 'CLUSTER', moodCode: 'EVN' })
  templateId(w, ENTRY.vitalSignsOrganizer)
  ctx.entryId('vital-signs', record.id)
  coded(w, 'code', {
    code: '46680005',
    codeSystem: OID.snomed,
    displayName: 'Vital signs',
    translations: [{ code: '74728-7', codeSystem: OID.loinc, displayName: 'Vital signs' }],
  })
  w.empty('statusCode', { code: 'completed' })
  w.empty('effectiveTime', { value: time })
  entryAuthor(ctx, time)
  for (const sign of SIGNS) {
    const value = measured(record, sign.key)
    if (value === undefined) continue
    w.start('component')
    startObservation(ctx, ENTRY.vitalSignObservation, 'vital-signs', record.id, sign.key)
    coded(w, 'code', { code: sign.loinc, codeSystem: OID.loinc, displayName: sign.name })
    textReference(w, `${id}-${sign.key}`)
    w.empty('statusCode', { code: 'completed' })
    w.empty('effectiveTime', { value: time })
    w.empty('value', { 'xsi:type': 'PQ', value: number(value), unit: sign.unit })
    entryAuthor(ctx, time)
    w.end().end()
  }
  w.end().end()
}
