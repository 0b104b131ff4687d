import { describe, expect, it } from 'vitest'
import { englishT } from '../ui/i18n/testing.ts'
import portalEnglish from './messages/en.json'
import {
  displayName,
  IDLE_WARNING_MS,
  idlePhase,
  idleSignOutMessage,
  localCalendarDate,
  localDeadline,
  type Notice,
  noticeText,
  parsePatientId,
  pathForStage,
  patientPath,
  safeReturnPath,
  secondsLeft,
  statusNote,
} from './session-rules.ts'

describe('pathForStage', () => {
  it.each([
    { stage: 'change-password', page: '/first-sign-in' },
    { stage: 'verify', page: '/verify' },
    { stage: 'ready', page: '/home' },
  ] as const)('sends the $stage stage to $page', ({ stage, page }) => {
    expect(pathForStage(stage)).toBe(page)
  })
})

describe('patient addresses', () => {
  it('round-trips a patient id', () => {
    expect(patientPath(42)).toBe('/patients/42')
    expect(parsePatientId('42')).toBe(42)
  })

  it('reads nothing but a positive whole number', () => {
    for (const bad of [undefined, '', '0', '-1', '1.5', '01', 'abc', '1e3']) {
      expect(parsePatientId(bad)).toBeUndefined()
    }
  })
})

describe('safeReturnPath', () => {
  // Home and patient pages only.
  it.each(['/home', '/patients/7', '/patients/7/plan'])('allows %s', (path) => {
    expect(safeReturnPath(path)).toBe(path)
  })

  it('refuses other sites and other pages', () => {
    for (const bad of [
      '//evil.example',
      'https://evil.example/home',
      '/verify',
      '/',
      '/patients/7/plan/x',
      '/patients/7//evil.example',
      7,
      null,
    ]) {
      expect(safeReturnPath(bad)).toBeUndefined()
    }
  })
})

describe('names', () => {
  const luis = { firstName: 'Luis', lastName: 'Garcia', preferredName: null, status: 'Patient' }

  it('uses the preferred name when there is one', () => {
    expect(displayName(luis)).toBe('Luis Garcia')
    expect(displayName({ ...luis, firstName: 'Alejandro', preferredName: 'Alex' })).toBe(
      'Alex Garcia',
    )
    expect(displayName({ ...luis, preferredName: '  ' })).toBe('Luis Garcia')
  })

  it('notes a status other than an ordinary patient', () => {
    expect(statusNote(luis)).toBeUndefined()
    expect(statusNote({ ...luis, status: 'Archived' })).toBe('Archived')
  })
})

describe('idle time-out', () => {
  const received = 1_000_000

  it('counts down on the browser’s clock, whatever the server’s clock says', () => {
    // The server's clock is 5 minutes ahead; 10 minutes remain by its clock.
    const deadline = localDeadline(
      '2025-03-07T14:45:00.000Z',
      'Fri, 07 Mar 2025 14:35:00 GMT',
      received,
    )
    expect(deadline).toBe(received + 10 * 60_000 - 1000)
  })

  it('takes expiresAt as it is when the server’s clock is unknown', () => {
    expect(localDeadline('2025-03-07T14:45:00.000Z', null, received)).toBe(
      Date.parse('2025-03-07T14:45:00.000Z'),
    )
    expect(localDeadline('2025-03-07T14:45:00.000Z', 'garbage', received)).toBe(
      Date.parse('2025-03-07T14:45:00.000Z'),
    )
  })

  it('warns in the last minute and expires at the deadline', () => {
    const deadline = 10 * 60_000
    expect(idlePhase(deadline, deadline - IDLE_WARNING_MS - 1)).toBe('active')
    expect(idlePhase(deadline, deadline - IDLE_WARNING_MS)).toBe('warning')
    expect(idlePhase(deadline, deadline - 1)).toBe('warning')
    expect(idlePhase(deadline, deadline)).toBe('expired')
  })

  it('counts whole seconds down to zero', () => {
    expect(secondsLeft(60_000, 0)).toBe(60)
    expect(secondsLeft(60_000, 100)).toBe(60)
    expect(secondsLeft(60_000, 59_500)).toBe(1)
    expect(secondsLeft(60_000, 70_000)).toBe(0)
  })

  it('says it in words', () => {
    const t = englishT(portalEnglish)
    const say = (notice: Notice) => noticeText(notice, t)
    expect(t('idle.warning', { seconds: 60 })).toBe(
      'You will be signed out in 60 seconds for your security.',
    )
    expect(t('idle.warning', { seconds: 1 })).toBe(
      'You will be signed out in 1 second for your security.',
    )
    expect(say(idleSignOutMessage(15))).toBe(
      'You were signed out after 15 minutes without activity.',
    )
    expect(say(idleSignOutMessage(1))).toBe('You were signed out after 1 minute without activity.')
  })
})

describe('localCalendarDate', () => {
  it('writes the local date as YYYY-MM-DD', () => {
    expect(localCalendarDate(new Date(2025, 2, 7, 23, 59))).toBe('2025-03-07')
  })
})
