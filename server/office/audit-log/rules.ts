/** The words of a typed name, lower case, with LIKE's wildcards taken out. */
export function nameWords(typed: string): string[] {
  return typed
    .toLowerCase()
    .replace(/[%_\\]/g, '')
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 4)
}

/** A page's `next`: the last event's instant (to the microsecond) and id. */
export function cursorOf(row: { cursor_at: string; id: number }): string {
  return `${row.cursor_at}_${row.id}`
}

export function parseCursor(text: string): { at: string; id: number } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)_(\d{1,15})$/.exec(text)
  if (!match?.[1] || !match[2]) return undefined
  return { at: match[1], id: Number(match[2]) }
}

/**
 * One CSV field: quoted when it must be, and a leading =, +, - or @ defused with an apostrophe
 * so a spreadsheet opening the export never runs it as a formula (OWASP: CSV injection).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** Who did it, as the log shows it. */
export function actorLabel(row: {
  actor_type: string
  staff_name: string | null
  actor_first: string | null
  actor_last: string | null
}): string {
  switch (row.actor_type) {
    case 'staff_user':
      return row.staff_name ?? 'Former staff member'
    case 'portal_user':
      return row.actor_first ? `${row.actor_first} ${row.actor_last ?? ''}`.trim() : 'Former user'
    case 'sync':
      return 'Sync API'
    case 'system':
      return 'System'
    default:
      return 'Not signed in'
  }
}
