/**
 * Section scaffolding and the narrative block. Every section carries its templateId, LOINC code,
 * title and human-readable text; a section with nothing to report keeps all of those and says so
 * in words, with nullFlavor NI on the section (C-CDA R2.1, "No Information" pattern).
 */

import type { BuildContext } from './context.ts'
import { coded, templateId } from './datatypes.ts'
import { OID, type SectionDefinition } from './templates.ts'
import type { XmlWriter } from './xml.ts'

export function writeSection(
  ctx: BuildContext,
  definition: SectionDefinition,
  count: number,
  narrative: () => void,
  entries: () => void,
): void {
  const { w } = ctx
  w.start('component')
  w.start('section', { nullFlavor: count === 0 ? 'NI' : undefined })
  templateId(w, definition.templateId)
  coded(w, 'code', {
    code: definition.loinc,
    codeSystem: OID.loinc,
    displayName: definition.loincName,
  })
  w.element('title', definition.title)
  w.start('text')
  if (count === 0) w.element('paragraph', definition.emptyText)
  else narrative()
  w.end()
  if (count > 0) entries()
  w.end().end()
}

/**
 * A section that is a table of items, one row each, and one entry per item that points back at
 * its row (its text, and the original text of its codes).
 */
export interface ListSection<T> {
  definition: SectionDefinition
  headers: readonly string[]
  /** Row n (from 1) has the ID `${rowId}-n`; its entry's text and codes point into it. */
  rowId: string
  /** The row's cells (`<td>`s), given the row's ID to label the cells its entry points at. */
  cells(ctx: BuildContext, item: T, id: string): void
  entry(ctx: BuildContext, item: T, id: string): void
}

export function writeListSection<T>(
  ctx: BuildContext,
  section: ListSection<T>,
  items: readonly T[],
): void {
  writeSection(
    ctx,
    section.definition,
    items.length,
    () => {
      startTable(ctx.w, section.headers)
      listRows(ctx, section, items)
      endTable(ctx.w)
    },
    () => listEntries(ctx, section, items),
  )
}

/** The table rows of a list section (for a section whose table has more rows than the list). */
export function listRows<T>(ctx: BuildContext, section: ListSection<T>, items: readonly T[]): void {
  const { w } = ctx
  for (const [index, item] of items.entries()) {
    const id = `${section.rowId}-${index + 1}`
    w.start('tr', { ID: id })
    section.cells(ctx, item, id)
    w.end()
  }
}

/** The entries of a list section, in the order of its rows. */
export function listEntries<T>(
  ctx: BuildContext,
  section: ListSection<T>,
  items: readonly T[],
): void {
  for (const [index, item] of items.entries())
    section.entry(ctx, item, `${section.rowId}-${index + 1}`)
}

export function startTable(w: XmlWriter, headers: readonly string[]): void {
  w.start('table').start('thead').start('tr')
  for (const header of headers) w.element('th', header)
  w.end().end().start('tbody')
}

export function endTable(w: XmlWriter): void {
  w.end().end()
}

/** A table cell; with an id when an entry's code or text points at it. */
export function cell(w: XmlWriter, text: string | null | undefined, id?: string): void {
  w.element('td', text ?? '', id === undefined ? undefined : { ID: id })
}
