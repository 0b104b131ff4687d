export interface OpeningHours {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  opens: string
  closes: string
}

export interface DayHours {
  weekday: number
  /** Opening spans of the day, earliest first; empty when closed. */
  spans: { opens: string; closes: string }[]
}

/**
 * The seven days of the week in the reader's order (starting on `firstDay`), each with its
 * opening spans, so a closed day shows as closed rather than going missing.
 */
export function weekOfHours(hours: readonly OpeningHours[], firstDay = 1): DayHours[] {
  return Array.from({ length: 7 }, (_, offset) => {
    const weekday = (firstDay + offset) % 7
    const spans = hours
      .filter((row) => row.weekday === weekday)
      .map(({ opens, closes }) => ({ opens, closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens))
    return { weekday, spans }
  })
}
