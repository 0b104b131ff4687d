import type { ReactNode } from 'react'
import './layout.css'

/**
 * The frame of a page that is not yet inside the signed-in portal: one `main` landmark holding a
 * card, with optional links under it. Screen-reader users land on `main` and find the card's
 * `h1` first.
 */
export function Page({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="page">
      {children}
      {footer ? <nav className="card-footer">{footer}</nav> : null}
    </main>
  )
}

/** A white panel. `brand` (the practice's name) sits above the title when the title is not it. */
export function Card({ brand, children }: { brand?: string; children: ReactNode }) {
  return (
    <div className="card">
      {brand ? <p className="card-brand">{brand}</p> : null}
      {children}
    </div>
  )
}
