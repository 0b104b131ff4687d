/**
 * An Intl.DateTimeFormat per locale or time zone, made the first time it is asked for: making
 * one costs far more than formatting with it, and a document formats many dates.
 */
export function formatterPer(
  make: (key: string) => Intl.DateTimeFormat,
): (key: string) => Intl.DateTimeFormat {
  const made = new Map<string, Intl.DateTimeFormat>()
  return (key) => {
    let formatter = made.get(key)
    if (!formatter) {
      formatter = make(key)
      made.set(key, formatter)
    }
    return formatter
  }
}
