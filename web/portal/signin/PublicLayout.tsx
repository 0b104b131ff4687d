import type { ReactNode } from 'react'
import { Link, Outlet, useOutletContext } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { Card, Page } from '../../ui/layout.tsx'
import { type PublicPractice, usePublicPractice } from '../../ui/practice.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'

/**
 * Loads the practice's public details for every page shown before sign-in, and shows the
 * loading and failure states once, here, instead of on each page.
 */
export function PublicLayout() {
  const practice = usePublicPractice()
  if (practice.isSuccess) return <Outlet context={practice.data} />
  return (
    <Page>
      <Card>
        <h1>Patient portal</h1>
        {practice.isError ? (
          <LoadFailed error={practice.error} onRetry={() => void practice.refetch()} />
        ) : (
          <Loading />
        )}
      </Card>
    </Page>
  )
}

/** The practice, for a page rendered inside `PublicLayout`. */
export function usePractice(): PublicPractice {
  return useOutletContext<PublicPractice>()
}

/** A link under the card, to another page shown before sign-in. */
export interface FooterLink {
  to: string
  label: string
}

/** The links between the pages shown before sign-in. */
export const LINKS = {
  signIn: { to: '/', label: 'Back to sign in' },
  contact: { to: '/contact', label: 'Contact us' },
  forgotPassword: { to: '/forgot-password', label: 'Forgot password' },
  privacy: { to: '/privacy', label: 'Privacy policy' },
} as const satisfies Record<string, FooterLink>

/**
 * A page shown before (or on the way into) the portal: titled in the browser's tab and in the
 * card's `h1` (with `titleId`, for a form it names), under the practice's name.
 */
export function PracticePage({
  title,
  titleId,
  links,
  children,
}: {
  title: string
  titleId?: string
  links?: readonly FooterLink[]
  children: ReactNode
}) {
  const practice = usePractice()
  useDocumentTitle(title, practice.name)
  // The office's privacy policy is a link away on every page before sign-in.
  const all = [...(links ?? []), ...(title === 'Privacy policy' ? [] : [LINKS.privacy])]
  const footer = all.map((link) => (
    <Link key={link.to} to={link.to}>
      {link.label}
    </Link>
  ))
  return (
    <Page footer={footer}>
      <Card brand={practice.name}>
        <h1 id={titleId}>{title}</h1>
        {children}
      </Card>
    </Page>
  )
}
