import type { ReactNode } from 'react'

/**
 * One term of a list of facts (`<dl>`) with its value, grouped in a `div` (which HTML allows in
 * a `dl`) so that the list's styles lay out each pair as one.
 */
export function Fact({
  label,
  valueClassName,
  children,
}: {
  label: string
  valueClassName?: string
  children: ReactNode
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={valueClassName}>{children}</dd>
    </div>
  )
}
