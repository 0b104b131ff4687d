import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'

/**
 * The first `first` items of a long list, and a "Show all N …" button for the rest (the newest
 * come first, and they are what people look for).
 */
export function useShowAll<T>(items: readonly T[], first: number, noun: 'summaries' | 'events') {
  const t = useT()
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? items : items.slice(0, first)
  const more =
    shown.length < items.length ? (
      <p className="item-actions summary-more">
        <Button className="button button-secondary" onPress={() => setShowAll(true)}>
          {t('summary.showAll', { count: items.length, noun })}
        </Button>
      </p>
    ) : null
  return { shown, more }
}
