import { expect, type Locator, type Page } from '@playwright/test'
import { passwordField, userNameField } from './portal.ts'

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would walk the
 * page; fails if it is not reached in `limit` presses, which is what a control left out of the
 * tab order (or trapped behind another) looks like.
 */
export async function tabTo(page: Page, target: Locator, { limit = 80, backwards = false } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      return
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `Tab reaches it within ${limit} presses`).toBeFocused({ timeout: 1 })
}

/** Walks to `target` with Tab and presses Enter on it. */
export async function tabAndEnter(page: Page, target: Locator, options?: { limit?: number }) {
  await tabTo(page, target, options)
  await page.keyboard.press('Enter')
}

/** Walks to a text field with Tab and types into it. */
export async function tabAndType(page: Page, target: Locator, text: string) {
  await tabTo(page, target)
  await page.keyboard.type(text)
}

/** Signs in with the keyboard alone: type, Tab, type, Enter. */
export async function typeSignIn(page: Page, who: { username: string; password: string }) {
  await userNameField(page).focus()
  await page.keyboard.type(who.username)
  await tabAndType(page, passwordField(page), who.password)
  await page.keyboard.press('Enter')
}

/** Opens a menu's button with Enter and walks its items with the arrow keys to `item`. */
export async function arrowToMenuItem(page: Page, button: Locator, item: Locator) {
  await tabAndEnter(page, button)
  for (let presses = 0; presses < 10; presses += 1) {
    if (await item.evaluate((element) => element === document.activeElement).catch(() => false)) {
      await page.keyboard.press('Enter')
      return
    }
    await page.keyboard.press('ArrowDown')
  }
  await expect(item, 'the arrow keys reach it').toBeFocused({ timeout: 1 })
}
