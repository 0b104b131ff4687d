import { describe, expect, it } from 'vitest'
import { fdiTooth, ORAL_CAVITY, oralArea, procedureArea, toothSurfaces } from './teeth.ts'

describe('fdiTooth', () => {
  it('turns Universal permanent teeth into ISO 3950 codes, quadrant by quadrant', () => {
    expect(['1', '8', '9', '16', '17', '24', '25', '32'].map(fdiTooth)).toEqual([
      '18',
      '11',
      '21',
      '28',
      '38',
      '31',
      '41',
      '48',
    ])
    expect(fdiTooth('3')).toBe('16')
    expect(fdiTooth('30')).toBe('46')
  })

  it('turns Universal primary teeth (A–T) into ISO 3950 codes', () => {
    expect(['A', 'E', 'F', 'J', 'K', 'O', 'P', 'T'].map(fdiTooth)).toEqual([
      '55',
      '51',
      '61',
      '65',
      '75',
      '71',
      '81',
      '85',
    ])
    expect(fdiTooth('s')).toBe('84')
  })

  it('codes nothing it cannot place: supernumerary, out of range, empty', () => {
    for (const tooth of ['51', 'AS', '0', '33', 'U', '', null])
      expect(fdiTooth(tooth)).toBeUndefined()
  })
})

describe('toothSurfaces', () => {
  it('codes the ADA surface letters once each, in the order written', () => {
    expect(toothSurfaces('MOD').map((s) => s.code)).toEqual(['8483002', '83473006', '90933009'])
    expect(toothSurfaces('mo').map((s) => s.letter)).toEqual(['M', 'O'])
    expect(toothSurfaces('BF').map((s) => s.code)).toEqual(['62579006'])
  })

  it('keeps incisal without a code, and drops what names no surface', () => {
    expect(toothSurfaces('I')).toEqual([{ letter: 'I', displayName: 'Incisal surface of tooth' }])
    expect(toothSurfaces('X5')).toEqual([])
    expect(toothSurfaces(null)).toEqual([])
  })
})

describe('oralArea', () => {
  it('codes arches, quadrants and sextants as ISO 3950 areas', () => {
    const codes = ['U', 'L', 'UR', 'UL', 'LL', 'LR', '1', '2', '3', '4', '5', '6']
    expect(codes.map((area) => oralArea(area)?.code)).toEqual([
      '01',
      '02',
      '10',
      '20',
      '30',
      '40',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
    ])
    expect(oralArea(' ur ')).toEqual({
      code: '10',
      codeSystem: '1.0.3950',
      displayName: 'Upper right quadrant',
    })
  })

  it('names no area for surfaces, unknown words or nothing', () => {
    for (const area of ['MOD', 'O', '7', 'UA', '', null]) expect(oralArea(area)).toBeUndefined()
  })
})

describe('procedureArea', () => {
  it('takes the area the surface field names', () => {
    expect(procedureArea({ code: 'D4341', surface: 'LR' })?.code).toBe('40')
    expect(procedureArea({ code: 'D5110', surface: 'U' })?.displayName).toBe('Maxillary area')
  })

  it('puts CDT diagnostic to orthodontic work without tooth or area in the oral cavity', () => {
    for (const code of ['D0150', 'D0210', 'D1110', 'D4910', 'D8080'])
      expect(procedureArea({ code })).toEqual(ORAL_CAVITY)
    expect(procedureArea({ code: 'D1110', codeSystem: 'CDT' })?.code).toBe('74262004')
  })

  it('claims no site for adjunctive services, other code systems or odd codes', () => {
    expect(procedureArea({ code: 'D9944' })).toBeUndefined()
    expect(procedureArea({ code: 'D9230' })).toBeUndefined()
    expect(procedureArea({ code: '99213', codeSystem: 'CPT' })).toBeUndefined()
    expect(procedureArea({ code: '234723000', codeSystem: 'SNOMEDCT' })).toBeUndefined()
    expect(procedureArea({ code: 'D01' })).toBeUndefined()
  })
})
