import type { ReactNode } from 'react'
import './layout.css'

/**
 * The frame of a page that is not yet inside the signed-in portal: one `main` landmark holding a
 * card, with optional links under it. Screen-reader users land on `main` and find the card's
 * `h1` first.
 */
export function Page({
  children,
  footer,
  corner,
}: {
  children: ReactNode
  footer?: ReactNode
  /** Above the card, at its end: the language menu. */
  corner?: ReactNode
}) {
  return (
    <main className="page">
      {corner ? <div className="page-corner">{corner}</div> : null}
      {children}
      {footer ? <nav className="card-footer">{footer}</nav> : null}
    </main>
  )
}

/** A white panel. `brand` (the practice's name) sits above the title when the title is not it. */
export function Card({ brand, children }: { brand?: string; children: ReactNode }) {
  return (
    <div className="card surface">
      {brand ? <p className="card-brand">{brand}</p> : null}
      {children}
    </div>
  )
}
