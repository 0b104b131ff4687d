import { useQuery } from '@tanstack/react-query'
import { getJson } from '../../ui/api.ts'
import { CloseButton, DialogActions, type DialogOpenState, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ContactDetailsView } from '../contact/ContactDetailsView.tsx'
import type { ContactDetails } from '../session.ts'

/** Contact us after sign-in: the patient's own office, without asking who they are. */
export function ContactDialog({ isOpen, onOpenChange }: DialogOpenState) {
  const t = useT()
  return (
    <DialogShell title={t('links.contact')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <ContactBody />
      <DialogActions>
        <CloseButton />
      </DialogActions>
    </DialogShell>
  )
}

function ContactBody() {
  const contact = useQuery({
    queryKey: ['portal', 'contact'],
    queryFn: ({ signal }) => getJson<ContactDetails>('/api/portal/contact', signal),
    staleTime: 5 * 60_000,
  })
  if (contact.isSuccess) return <ContactDetailsView details={contact.data} level={3} />
  if (contact.isError) {
    return <LoadFailed error={contact.error} onRetry={() => void contact.refetch()} />
  }
  return <Loading />
}
