import { expect, type Page } from '@playwright/test'

/**
 * The scan for English left over in a translated page, shared by the portal's and the office
 * console's language tests: English catalog fragments the translation does not share, English
 * sentences written into components, and one-word English labels.
 */
type Catalog = Record<string, string>

/**
 * The English catalog's words that must not appear in a page written in `language`: each
 * message's runs of text between placeholders and tags, of two words or more, that its
 * translation does not share ("Zoom", "PDF" and the like are the same in every language).
 */
function englishFragments(english: Catalog, translated: Catalog): string[] {
  const fragments = new Set<string>()
  for (const [id, message] of Object.entries(english)) {
    const translation = translated[id] ?? ''
    for (const part of message.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<\/?\w+>/)) {
      const text = part
        .trim()
        .replace(/^[,.:;()·]+|[,.:;()·]+$/g, '')
        .trim()
      if (text.split(/\s+/).length >= 2 && !translation.includes(text)) fragments.add(text)
    }
  }
  return [...fragments]
}

/**
 * Sentences in English that no catalog holds (words written into a component): a line of the
 * page with three or more of English's commonest small words, which Spanish and French do not
 * use. Names and codes from the office's records have none of them.
 */
const ENGLISH_WORDS = new Set(
  'the your you with this that please will are was were have has been for not from into when which'.split(
    ' ',
  ),
)
function englishSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => {
      const words = new Set(line.toLowerCase().match(/[a-z]+/g) ?? [])
      return [...words].filter((word) => ENGLISH_WORDS.has(word)).length >= 3
    })
}

/** One-word labels (buttons, links, column heads) that must be translated too. */
function englishLabels(english: Catalog, translated: Catalog): Set<string> {
  return new Set(
    Object.entries(english)
      .filter(([id, message]) => /^[A-Z][a-z]+$/.test(message) && translated[id] !== message)
      .map(([, message]) => message),
  )
}

export async function expectNoEnglishLeft(
  page: Page,
  {
    english,
    translated,
    language,
    records,
  }: {
    english: Catalog
    translated: Catalog
    language: string
    /** Elements holding records as they were written (an email as sent), left out of the scan. */
    records?: string
  },
  where: string,
) {
  await expect(page.locator('html')).toHaveAttribute(
    'lang',
    new RegExp(`^${language.split('-')[0]}`),
  )
  // What a reader sees: textContent would also hold index.html's <noscript> sentence, which
  // only shows without JavaScript (and cannot know the language).
  const text = await page.evaluate((selector) => {
    const hidden = selector ? [...document.querySelectorAll<HTMLElement>(selector)] : []
    for (const element of hidden) element.hidden = true
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const shown = `${document.title}\n${document.body.innerText}`
    for (const element of hidden) element.hidden = false
    return shown
  }, records ?? '')
  const found = englishFragments(english, translated).filter((fragment) => text.includes(fragment))
  found.push(...englishSentences(text))
  // Names read aloud but not shown: labels, image descriptions, frame titles.
  const hidden = await page
    .locator('[aria-label], img[alt], iframe[title], input[placeholder]')
    .evaluateAll((elements) =>
      elements.map((element) =>
        ['aria-label', 'alt', 'title', 'placeholder']
          .map((name) => element.getAttribute(name) ?? '')
          .join('\n'),
      ),
    )
  found.push(...englishSentences(hidden.join('\n')))
  const hiddenText = hidden.join('\n')
  found.push(
    ...englishFragments(english, translated).filter((fragment) => hiddenText.includes(fragment)),
  )
  const labels = englishLabels(english, translated)
  const names = await page
    .locator('button, a, th, h2, h3, dt, label, [role="menuitem"]')
    .evaluateAll((elements) => elements.map((element) => (element.textContent ?? '').trim()))
  const leftLabels = names.filter((name) => labels.has(name))
  expect({ where, english: [...found, ...leftLabels] }).toEqual({ where, english: [] })
}
