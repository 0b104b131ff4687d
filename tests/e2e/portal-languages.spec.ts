import { expect, type Locator, type Page, test } from '@playwright/test'
import type { Language } from '../../server/platform/i18n/languages.ts'
import portalEn from '../../web/portal/messages/en.json' with { type: 'json' }
import portalEs from '../../web/portal/messages/es.json' with { type: 'json' }
import portalFr from '../../web/portal/messages/fr-CA.json' with { type: 'json' }
import uiEn from '../../web/ui/messages/en.json' with { type: 'json' }
import uiEs from '../../web/ui/messages/es.json' with { type: 'json' }
import uiFr from '../../web/ui/messages/fr-CA.json' with { type: 'json' }
import { expectUsablePage } from './checks.ts'
import { expectNoEnglishLeft } from './english-scan.ts'
import { test as familyTest } from './fresh-family.ts'
import { HASHING, MARIA } from './portal.ts'

// Every portal page in Spanish (Mexico) and French (Canada), as a browser set to that language
// opens it, with a scan for English left over. Nothing here changes data.
test.describe.configure({ timeout: 240_000 })

type Catalog = Record<string, string>
const english: Catalog = { ...uiEn, ...portalEn }
const CATALOGS: Record<Exclude<Language, 'en'>, Catalog> = {
  es: { ...uiEs, ...portalEs },
  'fr-CA': { ...uiFr, ...portalFr },
}

/** English left over in a page written in `language` (tests/e2e/english-scan.ts). */
function expectNoEnglish(page: Page, language: Exclude<Language, 'en'>, where: string) {
  return expectNoEnglishLeft(page, { english, translated: CATALOGS[language], language }, where)
}

/** The words of these elements' text that a line break cuts in two ("Mensaj" / "es"). */
function wordsBrokenAcrossLines(elements: Locator) {
  return elements.evaluateAll((all) =>
    all.flatMap((element) => {
      const broken: string[] = []
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A hyphen is a fair place to break ("Rendez-" / "vous"), so its parts count alone.
        for (const word of (node.textContent ?? '').matchAll(/[^\s-]+/g)) {
          const range = document.createRange()
          range.setStart(node, word.index)
          range.setEnd(node, word.index + word[0].length)
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
          if (lines.size > 1) broken.push(word[0])
        }
      }
      return broken
    }),
  )
}

for (const [locale, language] of [
  ['es-MX', 'es'],
  ['fr-CA', 'fr-CA'],
] as const) {
  test.describe(`the portal in ${locale}`, () => {
    test.use({ locale })
    const t = (id: keyof typeof portalEn | keyof typeof uiEn) => CATALOGS[language][id] as string

    test('public pages speak the browser’s language', async ({ page }) => {
      await page.goto('/')
      await expect(
        page.getByRole('button', { name: t('signIn.submit'), exact: true }),
      ).toBeVisible()
      await expectNoEnglish(page, language, 'sign-in')
      await expectUsablePage(page)

      await page.getByRole('link', { name: t('links.forgotPassword') }).click()
      await expect(
        page.getByRole('heading', { level: 1, name: t('links.forgotPassword') }),
      ).toBeVisible()
      await expectNoEnglish(page, language, 'forgot password')
      // A name of its own: three requests per name in 15 minutes are let through, and this test
      // runs in two languages at two sizes.
      const nobody = `nobody.${locale}.${test.info().project.name}.${Date.now()}`
      await page.getByRole('textbox', { name: t('signIn.userName') }).fill(nobody)
      await page.getByRole('button', { name: t('forgot.emailCode') }).click()
      // The server's answer, in the same language.
      await expect(page.getByRole('textbox', { name: t('forgot.code') })).toBeVisible()
      await expectNoEnglish(page, language, 'forgot password, second step')
      await expectUsablePage(page)

      await page.getByRole('link', { name: t('links.contact') }).click()
      await expect(page.getByRole('heading', { level: 1, name: t('links.contact') })).toBeVisible()
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
      await expectNoEnglish(page, language, 'contact us')
      await expectUsablePage(page)

      await page.goto('/pay')
      // Rendered first: until then the tab still has index.html's English title.
      await expect(
        page.getByRole('heading', { level: 1, name: t('links.makePayment') }),
      ).toBeVisible()
      await expectNoEnglish(page, language, 'make payment')
      await page.goto('/no-such-page')
      await expect(page.getByRole('heading', { level: 1, name: t('notFound.title') })).toBeVisible()
      await expectNoEnglish(page, language, 'not found')
    })

    test('every tab, menu and dialog after sign-in', async ({ page }) => {
      await page.goto('/')
      await page.getByRole('textbox', { name: t('signIn.userName') }).fill(MARIA.username)
      await page.getByLabel(t('signIn.password'), { exact: true }).fill(MARIA.password)
      await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible(
        HASHING,
      )
      const tabs = page.getByRole('navigation', { name: t('tabs.label') })
      // Longer words than English's, on a phone's grid of three: none is broken across lines.
      expect(await wordsBrokenAcrossLines(tabs.getByRole('link'))).toEqual([])
      const headings: Record<string, string> = {
        'tab.appointments': t('tab.appointments'),
        'tab.account': t('tab.account'),
        'tab.plan': t('plan.title'),
        'tab.summary': t('summary.title'),
        'tab.images': t('tab.images'),
        'tab.messages': t('tab.messages'),
      }
      for (const [tab, heading] of Object.entries(headings)) {
        // The Messages tab's name ends with its unread count.
        await tabs
          .getByRole('link', { name: t(tab as 'tab.plan'), exact: tab !== 'tab.messages' })
          .click()
        await expect(
          page.getByRole('heading', { level: 2, name: heading, exact: true }),
        ).toBeVisible()
        await expect(page.getByRole('status').filter({ hasText: t('status.loading') })).toHaveCount(
          0,
        )
        await expectNoEnglish(page, language, tab)
        await expectUsablePage(page)
      }

      // The summary viewer's chrome (the document inside is the care summary itself).
      await tabs.getByRole('link', { name: t('tab.summary'), exact: true }).click()
      await page
        .getByRole('button', { name: t('summary.view'), exact: true })
        .first()
        .click()
      const viewer = page.getByRole('dialog')
      await expect(viewer).toBeVisible()
      await expectNoEnglish(page, language, 'summary viewer')
      await viewer.getByRole('button', { name: t('dialog.close') }).click()
      await page
        .getByRole('button', { name: t('summary.transmit'), exact: true })
        .first()
        .click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoEnglish(page, language, 'transmit dialog')
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('dialog.cancel') })
        .click()

      // The header: Contact us, the patient menu, Change password.
      const header = page.getByRole('banner')
      await header.getByRole('button', { name: t('links.contact') }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoEnglish(page, language, 'contact dialog')
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('dialog.close') })
        .click()
      await header.getByRole('button', { name: /Maria Garcia/ }).click()
      await expect(page.getByRole('menu')).toBeVisible()
      await expectNoEnglish(page, language, 'patient menu')
      await page.getByRole('menuitem', { name: t('header.changePassword') }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoEnglish(page, language, 'change password dialog')
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('dialog.cancel') })
        .click()

      // A wrong password is refused in this language too (the server's sentence).
      await header.getByRole('button', { name: /Maria Garcia/ }).click()
      await page.getByRole('menuitem', { name: t('header.changePassword') }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel(t('password.current'), { exact: true }).fill('not my password')
      await dialog.getByLabel(t('password.new'), { exact: true }).fill('a brand new password 7')
      await dialog.getByLabel(t('password.again'), { exact: true }).fill('a brand new password 7')
      await dialog.getByRole('button', { name: t('header.changePassword') }).click()
      await expect(
        dialog.getByText(
          language === 'es'
            ? 'Esta no es su contraseña actual.'
            : 'Ce n’est pas votre mot de passe actuel.',
        ),
      ).toBeVisible(HASHING)
      await expectNoEnglish(page, language, 'change password refused')
      await dialog.getByRole('button', { name: t('dialog.cancel') }).click()

      // Security: where she is signed in, in a sentence of this language.
      await header.getByRole('button', { name: /Maria Garcia/ }).click()
      await page.getByRole('menuitem', { name: t('header.security') }).click()
      const sessions = page.getByRole('region', { name: t('security.sessions') })
      const on = language === 'es' ? 'en' : 'sous'
      await expect(sessions.getByRole('listitem').first()).toHaveText(
        new RegExp(`^Chrome ${on} Linux, `),
      )
      await expectNoEnglish(page, language, 'security page')
    })

    familyTest(
      'the payment form and adding an authenticator app',
      async ({ page, freshFamily, familyClients }) => {
        const family = await freshFamily()
        const statement = await familyClients.sync.put(
          `/api/sync/v1/statements/e2e-${family.tag}-statement`,
          {
            data: {
              patientExternalId: `e2e-${family.tag}-guarantor`,
              statementDate: new Date().toISOString().slice(0, 10),
              balanceCents: 12_345,
              status: 'Processed',
            },
          },
        )
        expect(statement.ok(), await statement.text()).toBe(true)
        await page.goto('/')
        await page
          .getByRole('textbox', { name: t('signIn.userName') })
          .fill(family.guarantor.username)
        await page.getByLabel(t('signIn.password'), { exact: true }).fill(family.guarantor.password)
        await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click()
        await expect(
          page.getByRole('heading', { level: 1, name: family.guarantor.name }),
        ).toBeVisible(HASHING)

        await page
          .getByRole('navigation', { name: t('tabs.label') })
          .getByRole('link', { name: t('tab.account'), exact: true })
          .click()
        await page.getByRole('button', { name: t('links.makePayment') }).click()
        await expect(page.getByRole('textbox', { name: t('account.amount') })).toHaveValue('123.45')
        await expect(page.getByRole('radiogroup', { name: t('payment.payWith') })).toBeVisible()
        await expectNoEnglish(page, language, 'make payment form')
        await expectUsablePage(page)
        // Continuing without a card: the form's own sentences, in this language.
        await page.getByRole('button', { name: t('payment.continue') }).click()
        await expect(page.getByText(t('payment.cardFirst'))).toBeVisible()
        await page.getByRole('textbox', { name: t('account.amount') }).fill('0')
        await page.getByRole('button', { name: t('payment.continue') }).click()
        await expect(page.getByText(t('payment.amountInvalid')).first()).toBeVisible()
        await expectNoEnglish(page, language, 'make payment refused')

        await page.getByRole('banner').getByRole('button', { name: family.guarantor.name }).click()
        await page.getByRole('menuitem', { name: t('header.security') }).click()
        await page.getByRole('button', { name: t('security.setUp') }).click()
        await expect(page.getByRole('button', { name: t('authApp.add') })).toBeVisible()
        await expectNoEnglish(page, language, 'add authenticator app')
        await page.getByRole('button', { name: t('authApp.add') }).click()
        await expect(page.getByRole('img', { name: t('authApp.qr') })).toBeVisible()
        await expect(page.getByRole('textbox', { name: t('authApp.code') })).toBeVisible()
        await expectNoEnglish(page, language, 'authenticator app key')
        await expectUsablePage(page)
      },
    )
  })
}

test.describe('choosing a language', () => {
  test.use({ locale: 'en-CA' })

  test('from the sign-in page and the header, remembered on this browser', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    await page.getByLabel('Language').selectOption('fr-CA')
    await expect(
      page.getByRole('button', { name: uiFr['signIn.submit'], exact: true }),
    ).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA')
    await page.reload()
    await expect(
      page.getByRole('button', { name: uiFr['signIn.submit'], exact: true }),
    ).toBeVisible()

    await page.getByRole('textbox', { name: uiFr['signIn.userName'] }).fill(MARIA.username)
    await page.getByLabel(uiFr['signIn.password'], { exact: true }).fill(MARIA.password)
    await page.getByRole('button', { name: uiFr['signIn.submit'], exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible(HASHING)
    await expect(page.getByRole('link', { name: portalFr['tab.appointments'] })).toBeVisible()

    await page.getByRole('banner').getByLabel(uiFr['language.label']).selectOption('es')
    await expect(page.getByRole('link', { name: portalEs['tab.appointments'] })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Garcia' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('link', { name: portalEs['tab.appointments'] })).toBeVisible()
    await expectUsablePage(page)

    await page.getByRole('banner').getByLabel(uiEs['language.label']).selectOption('en')
    await expect(page.getByRole('link', { name: 'Appointments' })).toBeVisible()
  })
})
