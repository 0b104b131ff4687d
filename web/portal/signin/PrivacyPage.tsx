import { useQuery } from '@tanstack/react-query'
import type { Static } from 'typebox'
import type { PublicPrivacyPolicy } from '../../../server/portal/signin/schemas.ts'
import { getJson } from '../../ui/api.ts'
import './signin.css'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { LINKS, PracticePage } from './PublicLayout.tsx'

/** The privacy policy the office wrote in Portal Settings, readable before signing in. */
export default function PrivacyPage() {
  const policy = useQuery({
    queryKey: ['public', 'privacy-policy'],
    queryFn: ({ signal }) =>
      getJson<Static<typeof PublicPrivacyPolicy>>('/api/public/privacy-policy', signal),
  })
  return (
    <PracticePage title="Privacy policy" links={[LINKS.signIn, LINKS.contact]}>
      {policy.isSuccess ? (
        policy.data.policy.trim() ? (
          <div className="privacy-policy-page">{policy.data.policy}</div>
        ) : (
          <p>The office has not published a privacy policy here. Please contact the office.</p>
        )
      ) : policy.isError ? (
        <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <Loading />
      )}
    </PracticePage>
  )
}
