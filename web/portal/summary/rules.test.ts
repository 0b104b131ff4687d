import { describe, expect, it } from 'vitest'
import { englishT } from '../../ui/i18n/testing.ts'
import portalEnglish from '../messages/en.json'
import {
  activityWhat,
  addressMessage,
  deliveryLabel,
  fileNameFrom,
  isFinal,
  rangeLabel,
  reasonExplanation,
  reasonLabel,
  summaryFilePath,
  transmissionMessage,
} from './rules.ts'

const t = englishT(portalEnglish)

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
    expect(t(reasonLabel('visit'))).toBe('After a visit')
    expect(t(reasonLabel('on_demand'))).toBe('Requested')
    expect(t(reasonExplanation('on_demand'))).toMatch(/^Requested: made when someone asked/)
  })

  it('says which dates a summary covers, open bounds in words', () => {
    const day = (iso: string) => iso.split('-').reverse().join('/')
    const range = (rangeFrom: string | null, rangeTo: string | null) =>
      rangeLabel({ rangeFrom, rangeTo }, day, t)
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
    expect(transmissionMessage({ status: 'pending', error: null, to }, t)).toBe(`Sending to ${to}…`)
    expect(transmissionMessage({ status: 'sent', error: null, to }, t)).toBe(`Sent to ${to}.`)
    expect(
      transmissionMessage({ status: 'pending', error: '550 Mailbox unavailable', to }, t),
    ).toMatch(/^Not sent yet: 550 Mailbox unavailable\. It will be tried again automatically/)
    expect(
      transmissionMessage(
        {
          status: 'failed',
          error: 'No Direct relay is configured for this practice.',
          to,
        },
        t,
      ),
    ).toBe(`Could not be sent to ${to}: No Direct relay is configured for this practice.`)
    expect(transmissionMessage({ status: 'stored', error: null, to }, t)).toMatch(
      /kept for the office/,
    )
  })

  it('checks addresses with the server’s own rule and words', () => {
    expect(addressMessage('maria@example', 'email', t)).toBe(
      'Enter an email address like name@example.org.',
    )
    expect(addressMessage('', 'direct', t)).toBe('Enter a Direct address.')
    expect(addressMessage(to, 'direct', t)).toBeUndefined()
  })
})

describe('activity history', () => {
  it('names each act', () => {
    expect(t(activityWhat({ kind: 'viewed', format: null, via: null }))).toBe('Viewed')
    expect(t(activityWhat({ kind: 'downloaded', format: 'package', via: null }))).toBe(
      'Downloaded (zip: XML, HTML and PDF)',
    )
    expect(t(activityWhat({ kind: 'downloaded', format: 'xml', via: null }))).toBe(
      'Downloaded (XML)',
    )
    expect(t(activityWhat({ kind: 'transmitted', format: null, via: 'direct' }))).toBe(
      'Transmitted to a Direct address',
    )
    expect(t(activityWhat({ kind: 'transmitted', format: null, via: 'email' }))).toBe(
      'Transmitted by email',
    )
  })

  it('says what became of a transmission in a word or two', () => {
    expect([deliveryLabel('sent'), deliveryLabel('pending')].map((id) => id && t(id))).toEqual([
      'Sent',
      'Pending',
    ])
    expect(deliveryLabel(null)).toBeUndefined()
  })
})
