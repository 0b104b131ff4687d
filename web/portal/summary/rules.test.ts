import { describe, expect, it } from 'vitest'
import {
  activityWhat,
  addressProblem,
  deliveryLabel,
  fileNameFrom,
  isFinal,
  rangeLabel,
  reasonExplanation,
  reasonLabel,
  summaryFilePath,
  transmissionMessage,
} from './rules.ts'

describe('summary files', () => {
  it('addresses the readable page and the downloads', () => {
    expect(summaryFilePath(4, 9, 'html')).toBe('/api/portal/patients/4/summaries/9/html')
    expect(summaryFilePath(4, 9, 'package')).toBe('/api/portal/patients/4/summaries/9/package')
  })

  it('takes the download’s name from the server, or a fallback', () => {
    expect(fileNameFrom('attachment; filename="care-summary-2025-03-14.zip"', 'x.zip')).toBe(
      'care-summary-2025-03-14.zip',
    )
    expect(fileNameFrom(null, 'care-summary.xml')).toBe('care-summary.xml')
  })

  it('says why a summary exists', () => {
    expect(reasonLabel('visit')).toBe('After a visit')
    expect(reasonLabel('on_demand')).toBe('Requested')
    expect(reasonExplanation('on_demand')).toMatch(/^Requested: made when someone asked/)
  })

  it('says which dates a summary covers, open bounds in words', () => {
    const day = (iso: string) => iso.split('-').reverse().join('/')
    const range = (rangeFrom: string | null, rangeTo: string | null) =>
      rangeLabel({ rangeFrom, rangeTo }, day)
    expect(range('2021-01-02', '2022-12-31')).toBe('Covers 02/01/2021 to 31/12/2022')
    expect(range('2021-01-02', null)).toBe('Covers 02/01/2021 onwards')
    expect(range(null, '2022-12-31')).toBe('Covers everything up to 31/12/2022')
    expect(range(null, null)).toBe('Covers everything on file')
  })
})

describe('transmission', () => {
  const to = 'dr.lee@example.org'

  it('is final once sent, failed or kept, never while pending', () => {
    expect(['sent', 'failed', 'stored'].every((s) => isFinal(s as 'sent'))).toBe(true)
    expect(isFinal('pending')).toBe(false)
  })

  it('tells the patient what became of it, and why it failed', () => {
    expect(transmissionMessage({ status: 'pending', error: null, to })).toBe(`Sending to ${to}…`)
    expect(transmissionMessage({ status: 'sent', error: null, to })).toBe(`Sent to ${to}.`)
    expect(
      transmissionMessage({ status: 'pending', error: '550 Mailbox unavailable', to }),
    ).toMatch(/^Not sent yet: 550 Mailbox unavailable\. It will be tried again automatically/)
    expect(
      transmissionMessage({
        status: 'failed',
        error: 'No Direct relay is configured for this practice.',
        to,
      }),
    ).toBe(`Could not be sent to ${to}: No Direct relay is configured for this practice.`)
    expect(transmissionMessage({ status: 'stored', error: null, to })).toMatch(
      /kept for the office/,
    )
  })

  it('checks addresses with the server’s own rule and words', () => {
    expect(addressProblem('maria@example', 'email')).toBe(
      'Enter an email address like name@example.org.',
    )
    expect(addressProblem('', 'direct')).toBe('Enter a Direct address.')
    expect(addressProblem(to, 'direct')).toBeUndefined()
  })
})

describe('activity history', () => {
  it('names each act', () => {
    expect(activityWhat({ kind: 'viewed', format: null, via: null })).toBe('Viewed')
    expect(activityWhat({ kind: 'downloaded', format: 'package', via: null })).toBe(
      'Downloaded (zip: XML, HTML and PDF)',
    )
    expect(activityWhat({ kind: 'downloaded', format: 'xml', via: null })).toBe('Downloaded (XML)')
    expect(activityWhat({ kind: 'transmitted', format: null, via: 'direct' })).toBe(
      'Transmitted to a Direct address',
    )
    expect(activityWhat({ kind: 'transmitted', format: null, via: 'email' })).toBe(
      'Transmitted by email',
    )
  })

  it('says what became of a transmission in a word or two', () => {
    expect([deliveryLabel('sent'), deliveryLabel('pending'), deliveryLabel(null)]).toEqual([
      'Sent',
      'Pending',
      '',
    ])
  })
})
