import { describe, expect, it } from 'vitest'
import { fdiTooth } from './teeth.ts'

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
