import { useQuery } from '@tanstack/react-query'
import type { Static } from 'typebox'
import type { PublicPrivacyPolicy } from '../../../server/portal/signin/schemas.ts'
import { getJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import './signin.css'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { LINKS, PracticePage } from './PublicLayout.tsx'

/** The privacy policy the office wrote in Portal Settings, readable before signing in. */
export default function PrivacyPage() {
  const t = useT()
  const policy = useQuery({
    queryKey: ['public', 'privacy-policy'],
    queryFn: ({ signal }) =>
      getJson<Static<typeof PublicPrivacyPolicy>>('/api/public/privacy-policy', signal),
  })
  return (
    <PracticePage title={t('links.privacy')} links={[LINKS.signIn, LINKS.contact]}>
      {policy.isSuccess ? (
        policy.data.policy.trim() ? (
          <div className="privacy-policy-page">{policy.data.policy}</div>
        ) : (
          <p>{t('privacy.none')}</p>
        )
      ) : policy.isError ? (
        <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <Loading />
      )}
    </PracticePage>
  )
}
