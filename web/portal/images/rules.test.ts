import { describe, expect, it } from 'vitest'
import { englishT } from '../../ui/i18n/testing.ts'
import portalEnglish from '../messages/en.json'
import { documentPath, kindLabel, ZOOM_MAX, ZOOM_MIN, zoomIn, zoomLabel, zoomOut } from './rules.ts'

describe('zoom', () => {
  it('steps within bounds', () => {
    expect(zoomIn(1)).toBe(1.5)
    expect(zoomIn(ZOOM_MAX)).toBe(ZOOM_MAX)
    expect(zoomOut(1.5)).toBe(1)
    expect(zoomOut(ZOOM_MIN)).toBe(ZOOM_MIN)
    expect(zoomLabel(1.5, ['en'])).toBe('150%')
    expect(zoomLabel(1.5, ['fr-CA'])).toBe('150\u00a0%')
  })
})

describe('documentPath', () => {
  it('addresses a document’s files', () => {
    expect(documentPath(3, 8, 'download')).toBe('/api/portal/patients/3/documents/8/download')
  })
})

describe('kindLabel', () => {
  it('names each kind', () => {
    const t = englishT(portalEnglish)
    expect([kindLabel('image'), kindLabel('pdf'), kindLabel('other')].map((id) => t(id))).toEqual([
      'Image',
      'PDF',
      'File',
    ])
  })
})
