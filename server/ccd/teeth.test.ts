import { describe, expect, it } from 'vitest'
import { fdiTooth, toothSurfaces } from './teeth.ts'

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
