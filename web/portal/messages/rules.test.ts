import { describe, expect, it } from 'vitest'
import { draftStore, forgetDrafts, parseDraft } from './rules.ts'

/** The Storage interface over a Map, as a browser tab's sessionStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  }
}

describe('message drafts kept in the tab', () => {
  const draft = { to: 'office', regardingPatientId: 7, subject: 'Sofia’s x-ray', body: 'Hello' }

  it('belong to the user who wrote them: the next person to sign in here finds none', () => {
    const storage = memoryStorage()
    draftStore(storage, 'maria.garcia').save(draft)
    expect(draftStore(storage, 'maria.garcia').load()).toEqual(draft)
    expect(draftStore(storage, 'ann.smith').load()).toBeNull()
  })

  it('are all forgotten when a session ends, and other keys are left alone', () => {
    const storage = memoryStorage()
    draftStore(storage, 'maria.garcia').save(draft)
    draftStore(storage, 'luis.garcia').save(draft)
    storage.setItem('bitewing.other', 'kept')
    forgetDrafts(storage)
    expect(draftStore(storage, 'maria.garcia').load()).toBeNull()
    expect(draftStore(storage, 'luis.garcia').load()).toBeNull()
    expect(storage.getItem('bitewing.other')).toBe('kept')
  })

  it('ignore what is stored that is not a draft', () => {
    expect(parseDraft('{"subject": 1}')).toBeNull()
    expect(parseDraft('not json')).toBeNull()
  })
})
