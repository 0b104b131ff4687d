import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** The practice `npm start` creates on an empty database (server/demo). */
export const DEMO_PRACTICE = 'Maple Grove Dental'

/** WCAG 2.1 A and AA: what the spec promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * `exclude`: elements left out, such as a frame sandboxed without scripts, where axe's timers
 * never fire (the check would hang); audit that frame's document on its own page instead.
 */
export async function expectNoAxeViolations(page: Page, { exclude }: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS)
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze()
  // Listed by rule and element, so a failure says what to fix without opening a trace.
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }))
  expect(found).toEqual([])
}

/** Nothing may scroll sideways: the page must fit a 360 px wide phone. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
}

/** What every page promises: WCAG 2.1 AA by axe, and no sideways scrolling on a phone. */
export async function expectUsablePage(page: Page) {
  await expectNoAxeViolations(page)
  await expectNoHorizontalOverflow(page)
}

/**
 * Collects console errors and uncaught exceptions from the moment it is called. A blocked
 * inline script or style (Content-Security-Policy) shows up here too. `besidesFailedRequestsTo`
 * leaves out the browser's own "Failed to load resource" line for a request the test expects
 * to fail.
 */
export function collectConsoleErrors(page: Page) {
  const all: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') all.push(`${message.text()} at ${message.location().url}`)
  })
  page.on('pageerror', (error) => all.push(`Uncaught: ${error.message}`))
  return {
    all,
    besidesFailedRequestsTo: (path: string) =>
      all.filter((error) => !(error.startsWith('Failed to load resource') && error.includes(path))),
  }
}

/** Every name and value the page keeps in the browser (storage and script-visible cookies). */
export async function storedInBrowser(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify({
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      cookies: document.cookie,
    }),
  )
}

/**
 * Makes `path` answer as a server without that endpoint does (the app's own not-found problem),
 * so the page's handling of it is tested whatever this server's version offers. It also keeps
 * these tests from making real failed sign-ins, which the server throttles.
 */
export async function answerNotFound(page: Page, path: string) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      status: 404,
      contentType: 'application/problem+json',
      json: {
        type: '/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'Nothing was found at this address.',
      },
    }),
  )
}
