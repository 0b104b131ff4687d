import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { FieldProblem } from '../../ui/field-problem.tsx'
import { firstDayOfWeek, formatWeekday } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { addRange, changeRange, removeRange, type WeekHours, weekdayOrder } from './contact-form.ts'

/** The two times of an opening-hours range, as the editor shows them. */
const ENDS = [
  { end: 'opens', label: 'office.hours.opens' },
  { end: 'closes', label: 'office.hours.closes' },
] as const

/**
 * Opening hours, a row of time ranges per weekday (closed days have none). The days come in
 * the reader's order with their names from the browser's language. Adding a range puts focus on
 * its first time; removing one puts it on the day's Add button.
 */
export function HoursEditor({
  week,
  onChange,
  errors,
  problem,
  newKey,
}: {
  week: WeekHours
  /** The new week, and the row that was edited (its error no longer applies). */
  onChange: (week: WeekHours, editedKey?: string) => void
  /** Messages by row key. */
  errors: Record<string, string>
  /** A message about the hours as a whole. */
  problem: string | undefined
  newKey: () => string
}) {
  const baseId = useId()
  const t = useT()
  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>
  const days = useMemo(() => weekdayOrder(firstDayOfWeek()), [])
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  const root = useRef<HTMLFieldSetElement>(null)

  useEffect(() => {
    if (!focusTarget) return
    root.current?.querySelector<HTMLElement>(`[data-focus-key="${focusTarget}"]`)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const problemId = `${baseId}-problem`
  return (
    <fieldset ref={root} className="hours" aria-describedby={problem ? problemId : undefined}>
      <legend>{t('office.hours.legend')}</legend>
      <p className="field-hint">{t('office.hours.hint')}</p>
      <FieldProblem id={problemId} message={problem} />
      <ul className="hours-days">
        {days.map((weekday) => {
          const name = formatWeekday(weekday)
          const ranges = week[weekday] ?? []
          return (
            <li key={weekday}>
              <fieldset className="hours-day">
                <legend className="hours-day-name">{name}</legend>
                {ranges.length === 0 ? (
                  <p className="hours-closed">{t('office.hours.closed')}</p>
                ) : null}
                {ranges.map((range) => {
                  const errorId = `${baseId}-${range.key}-error`
                  const error = errors[range.key]
                  const described = error ? errorId : undefined
                  return (
                    <div key={range.key} className="hours-range">
                      <div className="hours-times field-row">
                        {ENDS.map(({ end, label }) => (
                          <label key={end} className="field hours-time">
                            <span className="hours-time-label">{t(label)}</span>
                            <input
                              type="time"
                              value={range[end]}
                              // The range's first field, where focus goes when it is marked.
                              data-focus-key={end === 'opens' ? range.key : undefined}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={described}
                              onChange={(event) =>
                                onChange(
                                  changeRange(week, weekday, range.key, {
                                    [end]: event.currentTarget.value,
                                  }),
                                  range.key,
                                )
                              }
                            />
                          </label>
                        ))}
                        <Button
                          className="button button-secondary button-small hours-remove"
                          onPress={() => {
                            onChange(removeRange(week, weekday, range.key), range.key)
                            setFocusTarget(`add-${weekday}`)
                          }}
                        >
                          {t('office.hours.remove', { day: name, hidden })}
                        </Button>
                      </div>
                      <FieldProblem id={errorId} message={error} />
                    </div>
                  )
                })}
                <Button
                  className="button button-secondary button-small hours-add"
                  data-focus-key={`add-${weekday}`}
                  onPress={() => {
                    const key = newKey()
                    onChange(addRange(week, weekday, key))
                    setFocusTarget(key)
                  }}
                >
                  {t('office.hours.add', { day: name, hidden })}
                </Button>
              </fieldset>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
