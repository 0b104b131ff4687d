import { type ReactNode, useEffect, useId, useRef } from 'react'
import { Button } from 'react-aria-components'
import { Fact } from '../ui/fact.tsx'
import { useT } from '../ui/i18n/i18n.tsx'

/** One sign-in detail to copy exactly: a user name, a password, a key. */
export interface Credential {
  label: string
  value: string
}

/** Sign-in details, each in the credential style that is easy to read and copy exactly. */
export function CredentialList({ facts }: { facts: readonly Credential[] }) {
  return (
    <dl className="credentials-list">
      {facts.map((fact) => (
        <Fact key={fact.label} label={fact.label} valueClassName="credential">
          {fact.value}
        </Fact>
      ))}
    </dl>
  )
}

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
  facts: readonly Credential[]
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
      <CredentialList facts={facts} />
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
