import { expect, test } from '@playwright/test'
import officeEn from '../../web/office/messages/en.json' with { type: 'json' }
import officeFr from '../../web/office/messages/fr-CA.json' with { type: 'json' }
import uiEn from '../../web/ui/messages/en.json' with { type: 'json' }
import uiFr from '../../web/ui/messages/fr-CA.json' with { type: 'json' }
import { collectConsoleErrors, expectUsablePage } from './checks.ts'
import { expectNoEnglishLeft } from './english-scan.ts'
import { ADMIN } from './office-helpers.ts'

// The office console as a browser set to French (Canada) opens it: the administrator signs in
// and walks the console's translated pages, each scanned for English left over. Nothing here
// changes data.
test.describe.configure({ timeout: 180_000 })
test.use({ locale: 'fr-CA' })

type Id = keyof typeof officeEn | keyof typeof uiEn
const english: Record<string, string> = { ...uiEn, ...officeEn }
const french: Record<string, string> = { ...uiFr, ...officeFr }
const t = (id: Id) => french[id] as string
const scan = { english, translated: french, language: 'fr-CA' }

test('the office console in fr-CA: sign-in, header and navigation, home, Patient Portal Access, WebMail, Online payments, Outgoing email, Portal Settings, Staff, Sync API keys and Audit log speak French, and first-run setup', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.goto('/office/')
  await expect(page.getByRole('heading', { level: 1, name: t('office.title') })).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'sign-in')
  await expectUsablePage(page)

  // First-run setup, here with a practice set up already: it says so and points to sign-in.
  await page.goto('/office/setup')
  await expect(page.getByRole('heading', { level: 1, name: t('office.setup.title') })).toBeVisible()
  await expect(page.getByText(t('office.setup.alreadySetUp'))).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'setup')
  await page.getByRole('link', { name: t('office.setup.signInToConsole') }).click()
  await expect(page.getByRole('heading', { level: 1, name: t('office.title') })).toBeVisible()

  await page.getByRole('textbox', { name: t('signIn.userName') }).fill(ADMIN.username)
  await page.getByLabel(t('signIn.password'), { exact: true }).fill(ADMIN.password)
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click()
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: t('office.home.welcome').replace('{name}', ADMIN.displayName),
    }),
  ).toBeVisible()
  const nav = page.getByRole('navigation', { name: t('office.nav.label') })
  /** Opens a console page from the navigation and waits for its heading. */
  const open = async (label: Id) => {
    await nav.getByRole('link', { name: t(label) }).click()
    await expect(page.getByRole('heading', { level: 1, name: t(label) })).toBeVisible()
  }
  await expect(nav.getByRole('link', { name: t('office.nav.webmail') })).toBeVisible()
  await expect(page.getByRole('banner').getByText(t('office.role.admin'))).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'home')
  await expectUsablePage(page)

  // Patient Portal Access: a search, its results, and a patient's panel with its dialogs.
  await open('office.nav.access')
  const search = page.getByRole('search', { name: t('office.access.find') })
  await search.getByRole('button', { name: t('office.access.search') }).click()
  await expect(search.getByText(t('office.access.enterSomething'))).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'access, empty search')
  await search.getByRole('textbox', { name: t('office.access.name') }).fill('Garcia')
  await search.getByRole('button', { name: t('office.access.search') }).click()
  await page.getByRole('link', { name: 'Garcia, Maria' }).click()
  const panel = page.getByRole('region', { name: 'Maria Garcia' })
  await expect(
    panel.getByRole('heading', { level: 3, name: t('office.access.online') }),
  ).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'access, a patient with access')
  await expectUsablePage(page)
  await panel.getByRole('button', { name: t('office.access.resetPassword') }).click()
  const dialog = page.getByRole('alertdialog', { name: t('office.access.resetPasswordTitle') })
  await expect(dialog).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'access, reset password dialog')
  await dialog.getByRole('button', { name: t('office.common.cancel') }).click()
  await expect(dialog).toBeHidden()

  // WebMail: the inbox, a message, and a new message's form.
  await open('office.nav.webmail')
  // The practice's zone named in French reads as a sentence (not "à l’heure de heure du Centre").
  await expect(
    page.getByText('Les heures sont indiquées en heure du Centre (États-Unis).'),
  ).toBeVisible()
  const list = page.getByRole('list', { name: t('office.webmail.messages') })
  await expect(list.getByRole('button').first()).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'webmail, inbox')
  await list.getByRole('button').first().click()
  await expect(page.getByRole('article')).toBeVisible()
  await expect(
    page.getByRole('article').getByText(t('office.webmail.assignedToLabel'), { exact: true }),
  ).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'webmail, a message')
  await page.getByRole('button', { name: t('office.webmail.reply'), exact: true }).click()
  await expect(page.getByRole('textbox', { name: t('office.webmail.subject') })).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'webmail, reply form')
  await page.getByRole('button', { name: t('office.webmail.new') }).click()
  await expect(
    page.getByRole('heading', { level: 2, name: t('office.webmail.newToPatient') }),
  ).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'webmail, new message')
  await expectUsablePage(page)

  // Portal Settings: every section, the weekdays and their hours.
  await open('office.nav.settings')
  await expect(
    page.getByRole('heading', { level: 2, name: t('office.settings.contacts') }),
  ).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'portal settings')
  await expectUsablePage(page)

  // Staff: the accounts, the form to add one, and a confirmation.
  await open('office.nav.staff')
  await expect(page.getByRole('row').nth(1)).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'staff')
  await page
    .getByRole('button', { name: t('office.access.resetPassword') })
    .first()
    .click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'staff, reset password dialog')
  await confirm.getByRole('button', { name: t('office.common.cancel') }).click()
  await expect(confirm).toBeHidden()
  await expectUsablePage(page)

  // Sync API keys: the keys, creating one, and the webhook.
  await open('office.nav.syncKeys')
  await expect(
    page.getByRole('heading', { level: 2, name: t('office.webhook.heading') }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: t('office.webhook.setButton') })).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'sync API keys')
  await expectUsablePage(page)

  // Online payments: both lists.
  await open('office.nav.payments')
  await expect(
    page.getByRole('heading', { level: 2, name: t('office.payments.posted') }),
  ).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'online payments')
  await expectUsablePage(page)

  // Outgoing email: the emails as sent are records (in the patient's language), not the page's.
  await open('office.nav.outgoingEmail')
  await expect(page.getByRole('button', { name: t('office.email.refresh') })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /courriel/ })).toBeVisible()
  await expectNoEnglishLeft(
    page,
    { ...scan, records: '.email-subject, .email-body' },
    'outgoing email',
  )

  // Audit log: the filters and the events.
  await open('office.nav.auditLog')
  await expect(page.getByRole('list', { name: t('office.audit.events') })).toBeVisible()
  await expectNoEnglishLeft(page, scan, 'audit log')
  await expectUsablePage(page)

  // The choice is switchable from the header, and remembered.
  await page.getByRole('combobox', { name: t('language.label') }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  // Before sign-in the console asks who is signed in; nobody is yet (401).
  expect(errors.besidesFailedRequestsTo('/api/office/session')).toEqual([])
})
