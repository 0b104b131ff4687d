import { describe, expect, it } from 'vitest'
import { documentPath, kindLabel, ZOOM_MAX, ZOOM_MIN, zoomIn, zoomLabel, zoomOut } from './rules.ts'

describe('zoom', () => {
  it('steps within bounds', () => {
    expect(zoomIn(1)).toBe(1.5)
    expect(zoomIn(ZOOM_MAX)).toBe(ZOOM_MAX)
    expect(zoomOut(1.5)).toBe(1)
    expect(zoomOut(ZOOM_MIN)).toBe(ZOOM_MIN)
    expect(zoomLabel(1.5)).toBe('150%')
  })
})

describe('documentPath', () => {
  it('addresses a document’s files', () => {
    expect(documentPath(3, 8, 'download')).toBe('/api/portal/patients/3/documents/8/download')
  })
})

describe('kindLabel', () => {
  it('names each kind', () => {
    expect([kindLabel('image'), kindLabel('pdf'), kindLabel('other')]).toEqual([
      'Image',
      'PDF',
      'File',
    ])
  })
})
