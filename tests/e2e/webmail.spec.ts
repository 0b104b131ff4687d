import { expect } from '@playwright/test'
import { expectUsablePage } from './checks.ts'
import { test } from './fresh-family.ts'
import { mailTo, textBody } from './mail.ts'
import { ADMIN, officeBeside } from './office-helpers.ts'
import { signInToPortal } from './portal.ts'
import { messagesTab, openTab } from './portal-tabs.ts'

/** A one-page PDF the browser uploads as the office's attachment. */
const LETTER = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

test('a parent writes about her child, the office answers with a letter, she reads it', async ({
  page,
  browser,
  freshFamily,
}, testInfo) => {
  // Two sign-ins (password hashing) and a whole conversation on a shared machine.
  test.setTimeout(240_000)
  const phone = testInfo.project.name === 'phone'
  const { guarantor, child, tag } = await freshFamily()
  const subject = `Loose wire ${tag}`
  await signInToPortal(page, guarantor, guarantor.name)
  await messagesTab(page).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Messages' })).toBeVisible()
  await expect(page.getByText('No messages from the office yet.')).toBeVisible()

  // Compose: about the child, to the office; the draft survives a reload.
  await page.getByRole('button', { name: 'Compose' }).click()
  const dialog = page.getByRole('dialog', { name: 'New message' })
  await dialog.getByLabel('Regarding patient').selectOption({ label: child.name })
  await dialog.getByRole('textbox', { name: 'Subject' }).fill(subject)
  await dialog
    .getByRole('textbox', { name: 'Message' })
    .fill('Her <b>wire</b> came loose.\nCan we come in?')
  await expectUsablePage(page)
  await page.reload()
  const restored = page.getByRole('dialog', { name: 'New message' })
  await expect(restored.getByRole('textbox', { name: 'Subject' })).toHaveValue(subject)
  await expect(restored.getByLabel('Regarding patient')).toHaveValue(/\d+/)
  await restored.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Your message was sent.' })).toBeVisible()
  // The sent message is shown (on a phone in the list's place, the list behind Back).
  if (!phone) await expect(page.getByRole('button', { name: 'Sent', pressed: true })).toBeVisible()
  // Written as text: the tags show as typed, nothing became bold.
  await expect(page.getByRole('article').getByText('Her <b>wire</b> came loose.')).toBeVisible()

  // The office finds it in its inbox and replies with a letter.
  const { officeContext, office } = await officeBeside(browser, page)
  await office.getByRole('main').getByRole('link', { name: 'WebMail' }).click()
  await expect(office.getByRole('heading', { level: 1, name: 'WebMail' })).toBeVisible()
  const line = office.getByRole('button', { name: new RegExp(`^Unread, .*${subject}`) })
  await line.click()
  await expect(office.getByRole('heading', { level: 2, name: subject })).toBeVisible()
  // Her own message has no "read by the patient": she wrote it.
  await expect(office.getByRole('article').getByText('Assigned to', { exact: true })).toBeVisible()
  await expect(office.getByRole('article').getByText('Read by the patient')).toHaveCount(0)
  await office.getByRole('button', { name: 'Reply' }).click()
  await office
    .getByRole('textbox', { name: 'Message' })
    .fill('Come in tomorrow at nine; the orthodontist letter is attached.')
  await office.getByLabel(/^Attach files/).setInputFiles({
    name: 'orthodontist letter.pdf',
    mimeType: 'application/pdf',
    buffer: LETTER,
  })
  await office.getByRole('button', { name: 'Send' }).click()
  await expect(office.getByRole('status').filter({ hasText: 'Your reply was sent.' })).toBeVisible()
  await expectUsablePage(office)

  // The office assigns Maria's message to a colleague (here the administrator signed in), and
  // narrows the box to "assigned to me" and to the child, kept in the address across a reload.
  await office.getByLabel('Assign to').selectOption({ label: ADMIN.displayName })
  await expect(
    office.getByRole('status').filter({ hasText: `Assigned to ${ADMIN.displayName}.` }),
  ).toBeVisible()
  await office.getByLabel('Assigned', { exact: true }).selectOption({ label: 'Assigned to me' })
  const assigned = office.getByRole('button', {
    name: new RegExp(`${subject}.*assigned to ${ADMIN.displayName}`),
  })
  await expect(assigned).toBeVisible()
  await office.getByRole('searchbox', { name: 'Filter by patient (name)' }).fill(child.name)
  const found = office.getByLabel('Patient found')
  const choice = found.getByRole('option', { name: new RegExp(`^${child.name} \\(`) })
  await expect(choice).toHaveCount(1)
  await found.selectOption((await choice.getAttribute('value')) ?? '')
  await expect(office).toHaveURL(/[?&]patient=\d+/)
  await office.reload()
  await expect(office.getByLabel('Assigned', { exact: true })).toHaveValue('me')
  const clear = office.getByRole('button', { name: `Clear the patient filter (${child.name})` })
  await expect(clear).toBeVisible()
  await expect(assigned).toBeVisible()
  await expectUsablePage(office)
  await clear.click()
  await expect(office.getByRole('searchbox', { name: 'Filter by patient (name)' })).toBeVisible()
  await expect(office).not.toHaveURL(/[?&]patient=/)

  // The practice lets patients attach files (Portal Settings), so she can send an X-ray back.
  await office.goto('/office/settings')
  const attaching = office.getByRole('region', { name: 'Patients’ attachments' })
  const allow = attaching.getByRole('switch', { name: 'Patients may attach files' })
  // A long page of forms, slow to come on a busy machine.
  await expect(attaching.getByRole('textbox', { name: 'Largest file (MB)' })).toBeVisible({
    timeout: 30_000,
  })
  if (!(await allow.isChecked())) {
    await allow.press('Space')
    await expect(allow).toBeChecked()
    await attaching.getByRole('button', { name: 'Save attachments' }).click()
    await expect(attaching.getByRole('status')).toHaveText(/^Attachment settings saved\./)
  }
  await officeContext.close()

  // The email says only that there is a message.
  const email = await mailTo(`${tag}@example.test`)
  // Its text and subject: the address is the family's own, so the test's tag is in it.
  const told = `${email.raw.match(/^subject: .*$/im)?.[0] ?? ''}\n${textBody(email)}`.toLowerCase()
  expect(told).toContain('sign in')
  for (const word of [
    'wire',
    'orthodontist',
    'tomorrow',
    child.name.split(' ')[0] ?? 'Kit',
    'loose',
  ]) {
    expect(told).not.toContain(word.toLowerCase())
  }

  // She sees the reply in bold with the count on the tab, previews it, downloads the letter.
  await page.reload()
  await expect(messagesTab(page)).toHaveText(/^Messages, 1 unread$/)
  await page.getByRole('button', { name: 'Inbox' }).click()
  const reply = page.getByRole('button', { name: new RegExp(`^Unread, From .*RE: ${subject}`) })
  await reply.click()
  const preview = page.getByRole('article', { name: `RE: ${subject}` })
  await expect(preview).toBeVisible()
  await expect(preview.getByText('Come in tomorrow at nine')).toBeVisible()
  await expect(messagesTab(page)).toHaveText('Messages')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('link', { name: 'Download orthodontist letter.pdf' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('orthodontist letter.pdf')
  if (phone) {
    // On a phone the preview takes the list's place; Back brings the list again.
    await expect(page.getByRole('list', { name: 'Inbox' })).toBeHidden()
    await preview.getByRole('button', { name: 'Back to messages' }).click()
    await expect(page.getByRole('list', { name: 'Inbox' })).toBeVisible()
  } else {
    await expect(page.getByRole('list', { name: 'Inbox' })).toBeVisible()
  }
  await expect(
    page.getByRole('button', { name: new RegExp(`^From .*RE: ${subject}`) }),
  ).toBeVisible()
  await expectUsablePage(page)

  // She answers with the X-ray from the other clinic: a PDF, allowed by the practice.
  if (phone) await page.getByRole('button', { name: new RegExp(`^From .*RE: ${subject}`) }).click()
  await page
    .getByRole('article', { name: `RE: ${subject}` })
    .getByRole('button', { name: 'Reply' })
    .click()
  const answer = page.getByRole('dialog', { name: 'Reply' })
  await answer.getByRole('textbox', { name: 'Message' }).fill('Here is the X-ray, see you at nine.')
  await answer.getByLabel('Attach files').setInputFiles({
    name: 'x-ray.pdf',
    mimeType: 'application/pdf',
    buffer: LETTER,
  })
  await expect(answer.getByRole('list', { name: 'Files to send' })).toContainText('x-ray.pdf')
  await expectUsablePage(page)
  await answer.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Your message was sent.' })).toBeVisible()
  await expect(
    page.getByRole('article').getByRole('link', { name: 'Download x-ray.pdf' }),
  ).toBeVisible()
  await openTab(page, 'Appointments')
})
