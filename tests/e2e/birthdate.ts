import { expect, type Locator, type Page } from '@playwright/test'

/** The labels of web/ui/birthdate-field.tsx's parts, in English unless given. */
const ENGLISH = { legend: 'Birthdate', day: 'Day', month: 'Month', year: 'Year' }

/** Types a `YYYY-MM-DD` birthdate into the Day, Month (chosen by number) and Year fields. */
export async function fillBirthdate(
  scope: Page | Locator,
  isoDate: string,
  labels: Partial<typeof ENGLISH> = {},
) {
  const names = { ...ENGLISH, ...labels }
  const group = scope.getByRole('group', { name: names.legend })
  const [year, month, day] = isoDate.split('-')
  await group.getByRole('textbox', { name: names.day }).fill(String(Number(day)))
  await group.getByRole('combobox', { name: names.month }).selectOption(String(Number(month)))
  await group.getByRole('textbox', { name: names.year }).fill(year ?? '')
  await expect(group.getByRole('textbox', { name: names.year })).toHaveValue(year ?? '')
}
