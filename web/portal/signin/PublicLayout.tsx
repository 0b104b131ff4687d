import { Outlet, useOutletContext } from 'react-router'
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
