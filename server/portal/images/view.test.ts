import { describe, expect, it } from 'vitest'
import { imagesView } from './view.ts'

describe('imagesView', () => {
  it('offers thumbnails for images only and says whether downloads are allowed', () => {
    const document = (id: number, content_type: string) => ({
      id,
      description: 'Bitewings',
      file_name: `file-${id}`,
      content_type,
      taken_at: new Date('2026-01-02T10:00:00Z'),
      category: 'X-rays',
    })
    const { view } = imagesView(
      [document(1, 'image/jpeg'), document(2, 'application/pdf'), document(3, 'text/plain')],
      { canDownload: false },
    )
    expect(view.canDownload).toBe(false)
    expect(view.documents.map(({ kind, hasThumbnail }) => [kind, hasThumbnail])).toEqual([
      ['image', true],
      ['pdf', false],
      ['other', false],
    ])
  })
})
