import { expect } from '@playwright/test'
import { expectUsablePage } from './checks.ts'
import { test } from './fresh-family.ts'
import { tabAndEnter, tabAndType, tabTo, typeSignIn } from './keyboard.ts'
import { ADMIN, officeBeside } from './office-helpers.ts'
import { HASHING, LUIS, signInToPortal } from './portal.ts'
import { messagesTab } from './portal-tabs.ts'

test('the whole conversation works with the keyboard alone, on both sides', async ({
  page,
  browser,
  freshFamily,
}, testInfo) => {
  test.setTimeout(240_000)
  const phone = testInfo.project.name === 'phone'
  const { guarantor, child, tag } = await freshFamily()
  const subject = `Sore gum ${tag}`

  await page.goto('/')
  await typeSignIn(page, guarantor)
  await expect(page.getByRole('heading', { level: 1, name: guarantor.name })).toBeVisible(HASHING)

  // The patient writes about her child: Messages, Compose, Regarding, Subject, Message, Send.
  await tabAndEnter(page, messagesTab(page))
  await expect(page.getByRole('heading', { level: 2, name: 'Messages' })).toBeVisible()
  await tabAndEnter(page, page.getByRole('button', { name: 'Compose' }))
  const dialog = page.getByRole('dialog', { name: 'New message' })
  const regarding = dialog.getByLabel('Regarding patient')
  await tabTo(page, regarding)
  for (let press = 0; press < 5; press += 1) {
    const chosen = await regarding.evaluate((select: HTMLSelectElement) =>
      select.selectedOptions[0]?.textContent?.trim(),
    )
    if (chosen === child.name) break
    await page.keyboard.press('ArrowDown')
  }
  await expect(regarding.locator('option:checked')).toHaveText(child.name)
  await tabAndType(page, dialog.getByRole('textbox', { name: 'Subject' }), subject)
  await tabAndType(page, dialog.getByRole('textbox', { name: 'Message' }), 'It bleeds a little.')
  await tabAndEnter(page, dialog.getByRole('button', { name: 'Send' }))
  await expect(page.getByRole('status').filter({ hasText: 'Your message was sent.' })).toBeVisible()
  await expect(dialog).toHaveCount(0)

  // The office opens it from the console's navigation and answers, all by keyboard.
  const { officeContext, office } = await officeBeside(browser, page, (office) =>
    typeSignIn(office, ADMIN),
  )
  await tabAndEnter(office, office.getByRole('main').getByRole('link', { name: 'WebMail' }))
  await expect(office.getByRole('heading', { level: 1, name: 'WebMail' })).toBeVisible()
  const line = office.getByRole('button', { name: new RegExp(`^Unread, .*${subject}`) })
  await tabAndEnter(office, line, { limit: 120 })
  await expect(office.getByRole('heading', { level: 2, name: subject })).toBeVisible()
  await tabAndEnter(office, office.getByRole('button', { name: 'Reply' }))
  await tabAndType(
    office,
    office.getByRole('textbox', { name: 'Message' }),
    'Rinse with warm salt water; call us if it lasts.',
  )
  await tabAndEnter(office, office.getByRole('button', { name: 'Send' }))
  await expect(office.getByRole('status').filter({ hasText: 'Your reply was sent.' })).toBeVisible()
  await expectUsablePage(office)
  await officeContext.close()

  // She finds the reply unread in her inbox, opens it, and comes back to the list.
  await page.reload()
  await expect(messagesTab(page)).toHaveText(/^Messages, 1 unread$/)
  await tabAndEnter(page, page.getByRole('button', { name: 'Inbox' }))
  const reply = page.getByRole('button', { name: new RegExp(`^Unread, From .*RE: ${subject}`) })
  await tabAndEnter(page, reply)
  const preview = page.getByRole('article', { name: `RE: ${subject}` })
  await expect(preview.getByText('Rinse with warm salt water')).toBeVisible()
  await expect(messagesTab(page)).toHaveText('Messages')
  if (phone) {
    await tabAndEnter(page, preview.getByRole('button', { name: 'Back to messages' }))
    await expect(page.getByRole('list', { name: 'Inbox' })).toBeVisible()
  }
  // Reply stays within reach of the keyboard from the preview.
  await expect(
    page.getByRole('button', { name: new RegExp(`^From .*RE: ${subject}`) }),
  ).toBeVisible()
  await expectUsablePage(page)
})

test('a patient who represents no one is offered only themself to write about', async ({
  page,
}) => {
  // Read-only use of the demo's Luis (the README's sign-in): he represents no family member.
  await signInToPortal(page, LUIS, 'Luis Garcia')
  await messagesTab(page).click()
  await page.getByRole('button', { name: 'Compose' }).click()
  const dialog = page.getByRole('dialog', { name: 'New message' })
  await expect(dialog.getByText(/^Regarding patient\s*Luis Garcia$/)).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Regarding patient' })).toHaveCount(0)
  await expect(dialog.getByText('Sofia Garcia')).toHaveCount(0)
})
