export interface OpeningHours {
  weekday: number
  opens: string
  closes: string
}

/** Field messages for opening hours that cannot be right: closing before opening, overlaps. */
export function hoursErrors(hours: OpeningHours[]): Record<string, string> {
  const errors: Record<string, string> = {}
  hours.forEach((slot, index) => {
    if (slot.opens >= slot.closes)
      errors[`hours.${index}`] = 'Closing time must be after opening time.'
  })
  const byDay = new Map<number, OpeningHours[]>()
  for (const slot of hours) byDay.set(slot.weekday, [...(byDay.get(slot.weekday) ?? []), slot])
  hours.forEach((slot, index) => {
    const overlaps = (byDay.get(slot.weekday) ?? []).some(
      (other) => other !== slot && other.opens < slot.closes && slot.opens < other.closes,
    )
    if (overlaps) errors[`hours.${index}`] ??= 'These hours overlap other hours on the same day.'
  })
  return errors
}
