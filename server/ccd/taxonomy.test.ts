import { describe, expect, it } from 'vitest'
import { providerTaxonomy } from './taxonomy.ts'

describe('providerTaxonomy', () => {
  it('codes the dental specialties a PMS names in words', () => {
    expect(providerTaxonomy('General dentistry', false)?.code).toBe('1223G0001X')
    expect(providerTaxonomy('Orthodontics', false)?.code).toBe('1223X0400X')
    expect(providerTaxonomy('Pediatric dentistry', false)?.code).toBe('1223P0221X')
    expect(providerTaxonomy('Oral surgery', false)?.code).toBe('1223S0112X')
    expect(providerTaxonomy('Dental hygiene', true)?.code).toBe('124Q00000X')
  })

  it('tells the three oral and maxillofacial specialties apart', () => {
    expect(providerTaxonomy('Oral and maxillofacial surgery', false)?.code).toBe('1223S0112X')
    expect(providerTaxonomy('Maxillofacial surgeon', false)?.code).toBe('1223S0112X')
    expect(providerTaxonomy('Oral and maxillofacial pathology', false)?.code).toBe('1223P0106X')
    expect(providerTaxonomy('Oral pathologist', false)?.code).toBe('1223P0106X')
    expect(providerTaxonomy('Oral and maxillofacial radiology', false)?.code).toBe('1223X0008X')
    expect(providerTaxonomy('Maxillofacial radiologist', false)?.code).toBe('1223X0008X')
  })

  it('takes a NUCC code as it is, and falls back on what the provider is', () => {
    expect(providerTaxonomy('1223E0200X', false)?.code).toBe('1223E0200X')
    expect(providerTaxonomy(null, true)?.code).toBe('124Q00000X')
    expect(providerTaxonomy(null, false)?.code).toBe('122300000X')
  })

  it('leaves words it does not know uncoded rather than guess', () => {
    expect(providerTaxonomy('Sleep medicine', false)).toBeUndefined()
  })
})
