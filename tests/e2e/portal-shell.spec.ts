import { expect, test } from '@playwright/test'
import {
  collectConsoleErrors,
  DEMO_PRACTICE,
  expectNoAxeViolations,
  expectUsablePage,
} from './checks.ts'
import {
  HASHING,
  MARIA,
  passwordField,
  patientMenu,
  SESSION,
  signIn,
  signInToPortal,
  signOutFromMenu,
  userNameField,
} from './portal.ts'
import { expectTabs, tabBar } from './portal-tabs.ts'

// Only Maria signs in here (both page sizes, in parallel): nothing below changes her password
// or ends her other sessions.

test.describe('the signed-in portal', () => {
  test('Maria signs in, sees her name, and switches between her family', async ({ page }) => {
    test.slow()
    const errors = collectConsoleErrors(page)
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await expect(page).toHaveTitle(`Maria Garcia – ${DEMO_PRACTICE}`)
    await expect(page.getByRole('banner')).toContainText(DEMO_PRACTICE)
    // The tabs that are built and offered; the first one opens (portal-tabs*.spec.ts: the rest).
    await expectTabs(page)
    await expect(page.getByRole('heading', { level: 2, name: 'Appointments' })).toBeVisible()
    await expectUsablePage(page)
    const mariaUrl = page.url()

    await patientMenu(page, 'Maria Garcia').click()
    const family = page.getByRole('group', { name: 'Family' })
    // The user first, then those they represent, oldest first.
    await expect(family.getByRole('menuitemradio')).toHaveText([
      'Maria Garcia',
      'Luis Garcia',
      'Mateo Garcia, Archived',
      'Sofia Garcia',
    ])
    await expect(page.getByRole('menuitemradio', { name: 'Maria Garcia' })).toBeChecked()
    await expect(page.getByRole('menuitem', { name: 'Refresh' })).toBeVisible()
    await expect(page.getByRole('menuitem', { name: 'Change password' })).toBeVisible()
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible()
    await expectUsablePage(page)

    await page.getByRole('menuitemradio', { name: 'Sofia Garcia' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sofia Garcia' })).toBeVisible()
    await expect(
      page.getByText('You are viewing Sofia’s records as their representative.'),
    ).toBeVisible()
    await expect(page).not.toHaveURL(mariaUrl)
    await expect(page).toHaveURL(/\/patients\/\d+$/)
    const sofiaUrl = page.url()

    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Sofia Garcia' })).toBeVisible()
    await expect(page).toHaveURL(sofiaUrl)
    await expect(patientMenu(page, 'Sofia Garcia')).toBeVisible()

    await patientMenu(page, 'Sofia Garcia').click()
    await page.getByRole('menuitemradio', { name: /Mateo Garcia/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Mateo Garcia' })).toBeVisible()
    await expect(page.getByText('Status: Archived')).toBeVisible()
    await expectNoAxeViolations(page)

    // Back goes to the patient before.
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: 'Sofia Garcia' })).toBeVisible()
    await expect(page).toHaveURL(sofiaUrl)
    // Only the sign-in page's "is anyone signed in?" 401, which the browser logs.
    expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
  })

  test('an address for someone outside the family leads to the user’s own page', async ({
    page,
  }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await page.goto('/patients/999999999')
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()
  })

  test('Contact us shows the office without asking who you are', async ({ page }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await page.getByRole('banner').getByRole('button', { name: 'Contact us' }).click()
    const dialog = page.getByRole('dialog', { name: 'Contact us' })
    await expect(dialog.getByRole('heading', { name: /Main Street/ })).toBeVisible()
    await expect(dialog.getByRole('link', { name: '(763) 555-0100' })).toHaveAttribute(
      'href',
      'tel:7635550100',
    )
    await expect(dialog.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:/)
    await expect(dialog.getByRole('rowheader', { name: 'Monday' })).toBeVisible()
    await expect(dialog.getByRole('row', { name: /Sunday/ })).toContainText('Closed')
    await expectUsablePage(page)
    const contactUs = page.getByRole('banner').getByRole('button', { name: 'Contact us' })
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(contactUs).toBeFocused()
    // Escape closes it too, and focus again goes back to what opened it.
    await contactUs.press('Enter')
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(contactUs).toBeFocused()
  })

  test('Refresh reads everything again, the session included', async ({ page }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await patientMenu(page, 'Maria Garcia').click()
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith(SESSION) && r.method() === 'GET'),
      page.getByRole('menuitem', { name: 'Refresh' }).click(),
    ])
    expect(request).toBeTruthy()
    await expect(page.getByRole('status').filter({ hasText: 'up to date' })).toBeVisible()
  })

  test('Change password checks the fields, and the server’s messages show at each field', async ({
    page,
  }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await patientMenu(page, 'Maria Garcia').click()
    await page.getByRole('menuitem', { name: 'Change password' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change password' })
    await expect(dialog.getByLabel('Current password')).toBeFocused()
    // The password policy is read out with the field (the same hint on every new-password form).
    await expect(dialog.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
      'At least 8 characters. A few words you can remember work well.',
    )
    await dialog.getByRole('button', { name: 'Change password' }).click()
    await expect(dialog.getByText('Enter your current password.')).toBeVisible()
    await expectNoAxeViolations(page)

    // A common new password: refused by the server, nothing changes.
    await dialog.getByLabel('Current password').fill(MARIA.password)
    await dialog.getByLabel('New password', { exact: true }).fill('password123')
    await dialog.getByLabel('New password again').fill('password123')
    await dialog.getByRole('button', { name: 'Change password' }).click()
    const newPassword = dialog.getByLabel('New password', { exact: true })
    await expect(newPassword).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.getByText(/too common/)).toBeVisible()
    const describedBy = (await newPassword.getAttribute('aria-describedby')) ?? ''
    const message = dialog.getByText(/too common/)
    expect(describedBy.split(' ')).toContain(await message.getAttribute('id'))
    await expect(dialog.getByRole('alert')).toBeVisible()
    await expectUsablePage(page)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toHaveCount(0)
  })

  test('signing out ends the session on the server', async ({ page }) => {
    test.slow()
    const errors = collectConsoleErrors(page)
    await signInToPortal(page, MARIA, 'Maria Garcia')
    const home = page.url()
    const cookies = await page.context().cookies()
    expect(cookies.length).toBeGreaterThan(0)

    await signOutFromMenu(page, 'Maria Garcia')
    await expect(page).toHaveURL('/')
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    await expectNoAxeViolations(page)

    // The old cookie, put back, no longer opens anything.
    await page.context().addCookies(cookies)
    const answer = await page.request.get(SESSION)
    expect(answer.status()).toBe(401)
    await page.goto(home)
    await expect(page).toHaveURL('/')
    await expect(page.getByRole('status').filter({ hasText: 'Please sign in' })).toBeVisible()
    expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
  })

  test('a tab opened while signing out asks the server for nothing', async ({ page }) => {
    test.slow()
    const errors = collectConsoleErrors(page)
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await expect(page.getByRole('region', { name: 'Upcoming' })).toBeVisible()
    // The server is slow to end the session: time to click a tab meanwhile.
    let answerSignOut = () => {}
    const signOutAnswered = new Promise<void>((resolve) => {
      answerSignOut = resolve
    })
    await page.route(`**${SESSION}`, async (route) => {
      if (route.request().method() !== 'DELETE') return route.fallback()
      await signOutAnswered
      await route.continue()
    })
    const accountRequests: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/account')) accountRequests.push(request.url())
    })

    await patientMenu(page, 'Maria Garcia').click()
    const signingOut = page.waitForRequest(
      (request) => request.method() === 'DELETE' && request.url().endsWith(SESSION),
    )
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await signingOut
    await tabBar(page).getByRole('link', { name: 'Account', exact: true }).click()
    await expect(page).toHaveURL(/\/patients\/\d+\/account$/)
    await expect(page.getByRole('heading', { level: 2, name: 'Account' })).toBeVisible()
    answerSignOut()
    await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible(
      HASHING,
    )
    expect(accountRequests).toEqual([])
    expect(errors.besidesFailedRequestsTo(SESSION)).toEqual([])
  })

  test('a session that ended elsewhere sends the person to sign in again', async ({ page }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    // Once the tab has loaded: otherwise its own request may be the one that finds the session gone.
    await expect(page.getByRole('region', { name: 'Upcoming' })).toBeVisible()
    await page.context().clearCookies()
    await page.getByRole('banner').getByRole('button', { name: 'Contact us' }).click()
    await expect(page).toHaveURL('/')
    await expect(
      page.getByRole('status').filter({ hasText: 'Your session has ended. Please sign in again.' }),
    ).toBeVisible()
    // Signing in again returns to the page the person was on.
    await userNameField(page).fill(MARIA.username)
    await passwordField(page).fill(MARIA.password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()
  })

  test('the sign-in page sends someone already signed in to the portal', async ({ page }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await page.goto('/')
    await expect(page).toHaveURL(/\/patients\/\d+$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()
  })

  test('an unknown address leads someone signed in back to their portal', async ({ page }) => {
    test.slow()
    await signInToPortal(page, MARIA, 'Maria Garcia')
    await page.goto('/no-such-page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Go to the portal’s home page' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()
  })

  test('Remember user name keeps it for the next visit after a real sign-in', async ({ page }) => {
    test.slow()
    await page.goto('/')
    await userNameField(page).fill(MARIA.username)
    await passwordField(page).fill(MARIA.password)
    await page.getByRole('checkbox', { name: 'Remember user name' }).check()
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()
    await signOutFromMenu(page, 'Maria Garcia')
    await expect(userNameField(page)).toHaveValue(MARIA.username)
    await expect(passwordField(page)).toHaveValue('')
    await expect(page.getByRole('checkbox', { name: 'Remember user name' })).toBeChecked()
  })
})

test.describe('the idle time-out', () => {
  test('warns a minute before, Stay signed in keeps the session, then it signs out', async ({
    page,
  }) => {
    test.slow()
    await page.clock.install()
    await signIn(page, MARIA)
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible(HASHING)

    // The demo practice times out after 15 minutes; the warning comes at 14.
    await page.clock.fastForward('13:30')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await page.clock.fastForward('00:35')
    const warning = page.getByRole('alertdialog', { name: 'Are you still there?' })
    await expect(warning).toBeVisible()
    await expect(warning).toContainText(/You will be signed out in \d+ seconds for your security\./)
    await expectUsablePage(page)
    await page.clock.fastForward('00:05')
    await expect(warning).toContainText(/in (5\d|4\d) seconds/)

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith(SESSION) && r.method() === 'GET'),
      warning.getByRole('button', { name: 'Stay signed in' }).click(),
    ])
    expect(request).toBeTruthy()
    await expect(warning).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()

    // Nothing more happens: the warning again, then the sign-out.
    await page.clock.fastForward('14:10')
    await expect(warning).toBeVisible()
    const [signOut] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith(SESSION) && r.method() === 'DELETE'),
      page.clock.fastForward('01:00'),
    ])
    expect(signOut).toBeTruthy()
    await expect(page).toHaveURL('/')
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'You were signed out after 15 minutes without activity.' }),
    ).toBeVisible()
    expect((await page.request.get(SESSION)).status()).toBe(401)
  })
})
