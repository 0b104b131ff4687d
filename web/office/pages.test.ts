import { describe, expect, it } from 'vitest'
import { englishT } from '../ui/i18n/testing.ts'
import officeEnglish from './messages/en.json'
import { listedPage, pagesFor } from './pages.ts'
import { consolePath } from './session.ts'

const t = englishT(officeEnglish)

describe('console pages', () => {
  it('offers each role only the pages its API allows', () => {
    expect(pagesFor('admin').map((page) => t(page.label))).toEqual([
      'Patient Portal Access',
      'WebMail',
      'Online payments',
      'Outgoing email',
      'Portal Settings',
      'Staff',
      'Sync API keys',
      'Audit log',
    ])
    expect(pagesFor('front_desk').map((page) => t(page.label))).toEqual([
      'Patient Portal Access',
      'WebMail',
      'Online payments',
    ])
    expect(pagesFor('provider').map((page) => t(page.label))).toEqual(['WebMail'])
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

describe('listedPage', () => {
  it('finds the navigation entry a route is built from, and refuses a path it does not list', () => {
    expect(listedPage('/staff')).toMatchObject({
      label: 'office.nav.staff',
      action: 'staff.manage',
    })
    expect(() => listedPage('/staf')).toThrow('/staf is not a console page')
  })
})
