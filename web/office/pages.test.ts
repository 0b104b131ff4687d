import { describe, expect, it } from 'vitest'
import { pagesFor } from './pages.ts'
import { consolePath } from './session.ts'

describe('console pages', () => {
  it('offers each role only the pages its API allows', () => {
    expect(pagesFor('admin').map((page) => page.label)).toEqual([
      'Patient Portal Access',
      'WebMail',
      'Online payments',
      'Outgoing email',
      'Portal Settings',
      'Staff',
      'Sync API keys',
      'Audit log',
    ])
    expect(pagesFor('front_desk').map((page) => page.label)).toEqual([
      'Patient Portal Access',
      'WebMail',
      'Online payments',
    ])
    expect(pagesFor('provider').map((page) => page.label)).toEqual(['WebMail'])
  })

  it('returns to a console address after signing in, never to another site', () => {
    expect(consolePath('/office/access/12')).toBe('/access/12')
    for (const home of [
      '/office',
      '/office/',
      '/office/sign-in',
      '/office//evil.example',
      '/officer',
    ]) {
      expect(consolePath(home)).toBe('/')
    }
  })
})
