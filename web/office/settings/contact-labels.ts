import type { MessageId } from '../../ui/i18n/i18n.tsx'
import type { ContactField } from './contact-form.ts'

/** The contact fields of the practice and of each clinic, as the office edits them. */
export const CONTACT_LABELS: readonly {
  name: ContactField
  /** A catalog id. */
  label: MessageId
  type?: string
  autoComplete: string
  maxLength: number
  wide?: boolean
}[] = [
  { name: 'phone', label: 'office.contact.phone', type: 'tel', autoComplete: 'off', maxLength: 40 },
  {
    name: 'email',
    label: 'office.contact.email',
    type: 'email',
    autoComplete: 'off',
    maxLength: 200,
  },
  {
    name: 'address1',
    label: 'office.contact.address1',
    autoComplete: 'off',
    maxLength: 200,
    wide: true,
  },
  {
    name: 'address2',
    label: 'office.contact.address2',
    autoComplete: 'off',
    maxLength: 200,
    wide: true,
  },
  { name: 'city', label: 'office.contact.city', autoComplete: 'off', maxLength: 100 },
  { name: 'region', label: 'office.contact.region', autoComplete: 'off', maxLength: 100 },
  { name: 'postalCode', label: 'office.contact.postalCode', autoComplete: 'off', maxLength: 20 },
  // The organization NPI (Type 2) that care summaries identify the practice or clinic by.
  { name: 'npi', label: 'office.contact.npi', autoComplete: 'off', maxLength: 10 },
]
