import { useQuery } from '@tanstack/react-query'
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { getJson } from '../../ui/api.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ContactDetailsView } from '../contact/ContactDetailsView.tsx'
import type { ContactDetails } from '../session.ts'

/** Contact us after sign-in: the patient's own office, without asking who they are. */
export function ContactDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean
  onOpenChange: (isOpen: boolean) => void
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">Contact us</Heading>
              <ContactBody />
              <div className="dialog-actions">
                <Button className="button button-secondary" onPress={close}>
                  Close
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
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
