import type { ReactNode } from 'react'
import { Link, Outlet, useOutletContext } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { type MessageId, useT } from '../../ui/i18n/i18n.tsx'
import { LanguagePicker } from '../../ui/i18n/LanguagePicker.tsx'
import { Card, Page } from '../../ui/layout.tsx'
import type { PublicPractice } from '../../ui/practice.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { usePublicPracticeOnce } from './public-practice.ts'

/**
 * Loads the practice's public details for every page shown before sign-in, and shows the
 * loading and failure states once, here, instead of on each page.
 */
export function PublicLayout() {
  const practice = usePublicPracticeOnce()
  const t = useT()
  if (practice.status === 'success') return <Outlet context={practice.data} />
  return (
    <Page>
      <Card>
        <h1>{t('portal.title')}</h1>
        {practice.status === 'error' ? (
          <LoadFailed error={practice.error} onRetry={practice.retry} />
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
  label: MessageId
}

/** The links between the pages shown before sign-in. */
export const LINKS = {
  signIn: { to: '/', label: 'links.backToSignIn' },
  contact: { to: '/contact', label: 'links.contact' },
  forgotPassword: { to: '/forgot-password', label: 'links.forgotPassword' },
  privacy: { to: '/privacy', label: 'links.privacy' },
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
  const t = useT()
  useDocumentTitle(title, practice.name)
  // The office's privacy policy is a link away on every page before sign-in.
  const all = [...(links ?? []), ...(title === t('links.privacy') ? [] : [LINKS.privacy])]
  const footer = all.map((link) => (
    <Link key={link.to} to={link.to}>
      {t(link.label)}
    </Link>
  ))
  return (
    <Page footer={footer} corner={<LanguagePicker />}>
      <Card brand={practice.name}>
        <h1 id={titleId}>{title}</h1>
        {children}
      </Card>
    </Page>
  )
}
