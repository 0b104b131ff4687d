import { describe, expect, it } from 'vitest'
import {
  CodeFileError,
  checkRf2Header,
  cvxFormat,
  parseCvxLine,
  parseRf2Line,
  RF2_DESCRIPTION_HEADER,
  rf2VersionFromName,
  withoutSemanticTag,
} from './rules.ts'

// Made-up identifiers in RF2's shape; no SNOMED CT content.
const row = (fields: Partial<Record<string, string>> = {}) =>
  [
    fields.id ?? '1000001011',
    fields.effectiveTime ?? '20240101',
    fields.active ?? '1',
    '900000000000207008',
    fields.conceptId ?? '100001001',
    'en',
    fields.typeId ?? '900000000000003001',
    fields.term ?? 'Made-up disorder (disorder)',
    '900000000000448009',
  ].join('\t')

describe('SNOMED CT RF2 description files', () => {
  it('accepts the RF2 header only (a BOM and CRLF are fine)', () => {
    expect(() => checkRf2Header(RF2_DESCRIPTION_HEADER)).not.toThrow()
    expect(() => checkRf2Header(`\uFEFF${RF2_DESCRIPTION_HEADER}\r`)).not.toThrow()
    expect(() => checkRf2Header('id,effectiveTime,active')).toThrow(CodeFileError)
    expect(() => checkRf2Header(undefined)).toThrow(/not a SNOMED CT RF2 description file/)
  })

  it('keeps active Fully Specified Names, without their semantic tag', () => {
    expect(parseRf2Line(row(), 2)).toEqual({
      code: '100001001',
      display: 'Made-up disorder',
      effectiveTime: '20240101',
    })
    expect(parseRf2Line(row({ active: '0' }), 2)).toBeUndefined()
    expect(parseRf2Line(row({ typeId: '900000000000013009' }), 2)).toBeUndefined()
    expect(parseRf2Line('', 2)).toBeUndefined()
  })

  it('refuses malformed rows with their line number', () => {
    expect(() => parseRf2Line('a\tb', 7)).toThrow(/Line 7 has 2 columns/)
    expect(() => parseRf2Line(row({ conceptId: 'abc' }), 8)).toThrow(/Line 8/)
    expect(() => parseRf2Line(row({ active: 'yes' }), 9)).toThrow(CodeFileError)
  })

  it('strips only a trailing semantic tag', () => {
    expect(withoutSemanticTag('Caries (dental) of tooth (disorder)')).toBe(
      'Caries (dental) of tooth',
    )
    expect(withoutSemanticTag('Plain term')).toBe('Plain term')
    expect(withoutSemanticTag('(finding)')).toBe('(finding)')
  })

  it('names the version from the file name and refuses Full release files', () => {
    expect(rf2VersionFromName('sct2_Description_Snapshot-en_INT_20240101.txt')).toBe('INT_20240101')
    expect(rf2VersionFromName('/x/sct2_Description_Snapshot-en_US1000124_20240301.txt')).toBe(
      'US1000124_20240301',
    )
    expect(rf2VersionFromName('upload.txt')).toBeUndefined()
    expect(rf2VersionFromName(undefined)).toBeUndefined()
    expect(() => rf2VersionFromName('sct2_Description_Full-en_INT_20240101.txt')).toThrow(
      /Snapshot/,
    )
  })
})

describe('CVX lists', () => {
  it('reads the shipped TSV and CDC’s pipe-delimited file', () => {
    expect(cvxFormat('cvx_code\tshort_description\tfull_vaccine_name\tstatus\tnonvaccine')).toBe(
      'tsv',
    )
    expect(
      parseCvxLine('tsv', '03\tMMR\tmeasles, mumps and rubella virus vaccine\tActive\t0', 2),
    ).toEqual({ code: '03', display: 'MMR' })
    const cdc =
      '140       |Influenza, seasonal, injectable, preservative free|Influenza virus vaccine|note|Active|148|False|6/20/2023'
    expect(cvxFormat(cdc)).toBe('cdc')
    expect(parseCvxLine('cdc', cdc, 1)).toEqual({
      code: '140',
      display: 'Influenza, seasonal, injectable, preservative free',
      updated: '2023-06-20',
    })
    expect(parseCvxLine('cdc', '   ', 4)).toBeUndefined()
  })

  it('refuses files that are not CVX lists', () => {
    expect(() => cvxFormat('id\teffectiveTime')).toThrow(/not a CVX list/)
    expect(() => parseCvxLine('tsv', 'abc\tx\ty\tActive\t0', 3)).toThrow(/Line 3/)
  })
})
