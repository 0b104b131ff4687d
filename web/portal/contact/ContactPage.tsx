import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { getJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import type { ContactDetails } from '../session.ts'
import { LINKS, PracticePage } from '../signin/PublicLayout.tsx'
import { ContactDetailsView } from './ContactDetailsView.tsx'

/** What GET /api/public/contact answers (PublicContact on the server). */
type Contact = { practice: ContactDetails; locations: ContactDetails[] }

/**
 * Contact us before signing in: the practice's locations with their address, phone, email and
 * hours, the same for every visitor and for nothing typed (a lookup by name and birthdate would
 * tell strangers who is a patient, and where).
 */
export default function ContactPage() {
  const t = useT()
  const contact = useQuery({
    queryKey: ['public', 'contact'],
    queryFn: ({ signal }) => getJson<Contact>('/api/public/contact', signal),
  })

  return (
    <PracticePage
      title={t('links.contact')}
      titleId="contact-title"
      links={[LINKS.signIn, LINKS.forgotPassword]}
    >
      {contact.isPending ? (
        <Loading />
      ) : contact.isError ? (
        <LoadFailed error={contact.error} onRetry={() => contact.refetch()} />
      ) : (
        <Places
          places={
            contact.data.locations.length > 0 ? contact.data.locations : [contact.data.practice]
          }
        />
      )}
    </PracticePage>
  )
}

function Places({ places }: { places: ContactDetails[] }) {
  const baseId = useId()
  return places.map((place, index) => (
    <section key={place.name} aria-labelledby={`${baseId}-${index}`}>
      <ContactDetailsView details={place} headingId={`${baseId}-${index}`} />
    </section>
  ))
}
