import { describe, expect, it } from 'vitest'
import {
  type KeyValueStore,
  readRememberedUserName,
  saveUserNameChoice,
} from './remembered-user-name.ts'

const KEY = 'test.userName'

function memoryStore(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  }
}

function throwingStore(): KeyValueStore {
  const fail = () => {
    throw new DOMException('blocked', 'SecurityError')
  }
  return { getItem: fail, setItem: fail, removeItem: fail }
}

describe('remembered user name', () => {
  it('is empty before anything was remembered', () => {
    expect(readRememberedUserName(memoryStore(), KEY)).toBe('')
  })

  it('keeps the user name, trimmed, when asked to', () => {
    const store = memoryStore()
    saveUserNameChoice(store, KEY, { userName: '  maria.garcia ', remember: true })
    expect(readRememberedUserName(store, KEY)).toBe('maria.garcia')
    expect([...store.entries.values()]).toEqual(['maria.garcia'])
  })

  it('forgets the user name when the box is unticked', () => {
    const store = memoryStore()
    saveUserNameChoice(store, KEY, { userName: 'maria.garcia', remember: true })
    saveUserNameChoice(store, KEY, { userName: 'maria.garcia', remember: false })
    expect(store.entries.size).toBe(0)
  })

  it('does not remember a blank user name', () => {
    const store = memoryStore()
    saveUserNameChoice(store, KEY, { userName: '   ', remember: true })
    expect(store.entries.size).toBe(0)
  })

  it('carries on when storage is blocked or missing', () => {
    expect(readRememberedUserName(throwingStore(), KEY)).toBe('')
    expect(readRememberedUserName(undefined, KEY)).toBe('')
    expect(() =>
      saveUserNameChoice(throwingStore(), KEY, { userName: 'a', remember: true }),
    ).not.toThrow()
  })
})
