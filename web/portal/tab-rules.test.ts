import { describe, expect, it } from 'vitest'
import { lookUpTab, type TabEntry, visibleTabs } from './tab-rules.ts'

const registry: TabEntry[] = [
  { feature: 'images', path: 'images' },
  { feature: 'appointments', path: 'appointments' },
  { feature: 'plan', path: 'plan' },
  { feature: 'account', path: 'account' },
]
const all = ['appointments', 'account', 'plan', 'messages', 'summary', 'images', 'payments']

describe('visibleTabs', () => {
  it('shows built tabs in the spec’s order', () => {
    expect(visibleTabs(registry, all).map((tab) => tab.feature)).toEqual([
      'appointments',
      'account',
      'plan',
      'images',
    ])
  })

  it('leaves out tabs switched off in Portal Settings', () => {
    expect(visibleTabs(registry, ['images', 'account']).map((tab) => tab.feature)).toEqual([
      'account',
      'images',
    ])
  })

  it('never shows a tab that is not built, even when it is switched on', () => {
    expect(visibleTabs(registry, ['messages', 'summary'])).toEqual([])
  })
})

describe('lookUpTab', () => {
  it('finds a shown tab by its path', () => {
    expect(lookUpTab(registry, all, 'plan')).toEqual({ kind: 'shown', tab: registry[2] })
  })

  it('says a switched-off tab is not offered', () => {
    expect(lookUpTab(registry, ['appointments'], 'images')).toEqual({
      kind: 'not-offered',
      feature: 'images',
    })
  })

  it('says a tab that is not built is not offered', () => {
    expect(lookUpTab(registry, all, 'messages')).toEqual({
      kind: 'not-offered',
      feature: 'messages',
    })
  })

  it('does not know other paths', () => {
    expect(lookUpTab(registry, all, 'billing')).toEqual({ kind: 'unknown' })
  })
})
