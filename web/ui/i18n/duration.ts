import type { Translate } from './i18n.tsx'

/** A length of time in whole minutes, in words: "30 minutes", "1 hour", "1 hour 30 minutes". */
export function formatDuration(minutes: number, t: Translate): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`Not minutes: ${minutes}`)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return t('duration.minutes', { minutes: rest })
  if (rest === 0) return t('duration.hours', { hours })
  return t('duration.hoursMinutes', { hours, minutes: rest })
}
