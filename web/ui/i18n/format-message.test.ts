import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { messageFormatter } from './format-message.ts'

const catalog = {
  plain: 'Sign in',
  count: '{count, plural, one {# message} other {# messages}}',
  tagged: 'Enter the code sent to <strong>{userName}</strong>.',
}

describe('messageFormatter', () => {
  it('formats plain text, plurals and the later of two catalogs', () => {
    const t = messageFormatter('en', [catalog, { later: 'From later' }])
    expect(t('plain')).toBe('Sign in')
    expect(t('count', { count: 1 })).toBe('1 message')
    expect(t('count', { count: 3 })).toBe('3 messages')
    expect(t('later')).toBe('From later')
  })

  it('sees a message merged into a catalog after it was made (addCatalogs)', () => {
    const later: Record<string, string> = {}
    const t = messageFormatter('en', [catalog, later], () => {})
    expect(t('added')).toBe('added')
    later.added = 'Added'
    expect(t('added')).toBe('Added')
  })

  it('gives rich-text parts keys, so React lists them without warnings', () => {
    const t = messageFormatter('en', [catalog])
    const parts = t('tagged', {
      userName: 'maria',
      strong: (chunks: ReactNode[]) => createElement('strong', null, ...chunks),
    }) as unknown[]
    expect(Array.isArray(parts)).toBe(true)
    const elements = parts.filter((part) => isValidElement(part)) as ReactElement[]
    expect(parts[0]).toBe('Enter the code sent to ')
    expect(elements).toHaveLength(1)
    expect(elements.every((part) => part.key !== null)).toBe(true)
  })

  it('reports a missing or broken message and shows its id or source', () => {
    const errors: Error[] = []
    const t = messageFormatter('en', [catalog], (error) => errors.push(error))
    expect(t('nowhere')).toBe('nowhere')
    expect(t('count')).toBe(catalog.count)
    expect(errors).toHaveLength(2)
  })
})
