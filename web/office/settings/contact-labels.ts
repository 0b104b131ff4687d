import type { ContactField } from './contact-form.ts'

/** The contact fields of the practice and of each clinic, as the office edits them. */
export const CONTACT_LABELS: readonly {
  name: ContactField
  label: string
  type?: string
  autoComplete: string
  maxLength: number
  wide?: boolean
}[] = [
  { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'off', maxLength: 40 },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'off', maxLength: 200 },
  { name: 'address1', label: 'Address', autoComplete: 'off', maxLength: 200, wide: true },
  { name: 'address2', label: 'Address line 2', autoComplete: 'off', maxLength: 200, wide: true },
  { name: 'city', label: 'City', autoComplete: 'off', maxLength: 100 },
  { name: 'region', label: 'Province or state', autoComplete: 'off', maxLength: 100 },
  { name: 'postalCode', label: 'Postal or ZIP code', autoComplete: 'off', maxLength: 20 },
  // The organization NPI (Type 2) that care summaries identify the practice or clinic by.
  { name: 'npi', label: 'Organization NPI', autoComplete: 'off', maxLength: 10 },
]
