import { type ReactNode, useEffect, useId, useRef } from 'react'
import { Button } from 'react-aria-components'
import { useT } from '../ui/i18n/i18n.tsx'

/**
 * A secret the server returns once and keeps only a hash of (a staff member's one-time password,
 * a sync API key): shown in a card that takes focus, says it will not be shown again, and goes
 * away with Done.
 */
export function OneTimeSecret({
  title,
  facts,
  warning,
  actions,
  onDone,
}: {
  title: string
  facts: readonly { label: string; value: string }[]
  warning: ReactNode
  actions?: ReactNode
  onDone: () => void
}) {
  const headingId = useId()
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <section className="credentials" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <dl className="credentials-list">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd className="credential">{fact.value}</dd>
          </div>
        ))}
      </dl>
      <p className="credentials-note">{warning}</p>
      <div className="actions">
        {actions}
        <Button className="button button-secondary" onPress={onDone}>
          {t('office.common.done')}
        </Button>
      </div>
    </section>
  )
}
