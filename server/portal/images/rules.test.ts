import { describe, expect, it } from 'vitest'
import { mayDownloadImages, sniffContentType } from './rules.ts'

describe('image downloads', () => {
  it('are allowed for Patient, NonPatient and Inactive only', () => {
    expect(mayDownloadImages('Patient')).toBe(true)
    expect(mayDownloadImages('NonPatient')).toBe(true)
    expect(mayDownloadImages('Inactive')).toBe(true)
    expect(mayDownloadImages('Archived')).toBe(false)
    expect(mayDownloadImages('Deceased')).toBe(false)
    expect(mayDownloadImages('Prospective')).toBe(false)
  })
})

describe('content type from the bytes', () => {
  const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)])

  it('recognises the images and PDFs the portal shows', () => {
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg')
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(
      'image/png',
    )
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf')
    expect(sniffContentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
  })

  it('refuses to call HTML or scripts anything the browser would render', () => {
    expect(sniffContentType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined()
    expect(sniffContentType(Buffer.from(''))).toBeUndefined()
  })
})
