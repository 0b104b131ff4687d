import { expect, it } from 'vitest'
import {
  feedPage,
  retentionCutoff,
  signWebhook,
  verifyWebhookSignature,
  webhookUrlProblem,
} from './rules.ts'

const SECRET = 'whsec_test'
const BODY = '{"events":[{"id":"7"}]}'
const NOW = new Date('2026-03-01T12:00:00Z')
const T = NOW.getTime() / 1000

it('signs the timestamp with the body, and verifies only the same secret, body and a fresh time', () => {
  const header = signWebhook(SECRET, T, BODY)
  expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
  expect(verifyWebhookSignature(SECRET, header, BODY, NOW)).toBe(true)
  expect(verifyWebhookSignature('whsec_other', header, BODY, NOW)).toBe(false)
  expect(verifyWebhookSignature(SECRET, header, BODY.replace('7', '8'), NOW)).toBe(false)
  expect(verifyWebhookSignature(SECRET, header, BODY, new Date(NOW.getTime() + 301_000))).toBe(
    false,
  )
  // A replay with a fresh timestamp but the old signature fails: the timestamp is signed.
  const replayed = header.replace(`t=${T}`, `t=${T + 200}`)
  expect(verifyWebhookSignature(SECRET, replayed, BODY, NOW)).toBe(false)
  for (const bad of [undefined, '', 't=1', `t=${T},v1=zz`, 'v1=abc,t=']) {
    expect(verifyWebhookSignature(SECRET, bad, BODY, NOW)).toBe(false)
  }
})

it('accepts only http(s) webhook addresses without credentials', () => {
  expect(webhookUrlProblem('https://pms.example.com/hooks/bitewing')).toBeUndefined()
  expect(webhookUrlProblem('http://127.0.0.1:8080/')).toBeUndefined()
  expect(webhookUrlProblem('pms.example.com')).toMatch(/full address/)
  expect(webhookUrlProblem('ftp://pms.example.com/')).toMatch(/https/)
  expect(webhookUrlProblem('https://user:pass@pms.example.com/')).toMatch(/password/)
})

it('makes a page from one row more than asked, and keeps the cursor when nothing is new', () => {
  const rows = ['1', '2', '3'].map((id) => ({ id }))
  expect(feedPage(rows, 2)).toEqual({ events: rows.slice(0, 2), next: '2', hasMore: true })
  expect(feedPage(rows, 3)).toEqual({ events: rows, next: '3', hasMore: false })
  expect(feedPage([], 10, '42')).toEqual({ events: [], next: '42', hasMore: false })
  expect(feedPage([], 10)).toEqual({ events: [], next: null, hasMore: false })
})

it('deletes acknowledged events older than the retention period', () => {
  expect(retentionCutoff(NOW, 30).toISOString()).toBe('2026-01-30T12:00:00.000Z')
})
