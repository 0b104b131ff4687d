import { useT } from '../../ui/i18n/i18n.tsx'
import { type Controlled, FieldGroup, type GroupField } from '../../ui/text-field.tsx'
import { localCalendarDate } from '../session-rules.ts'

export interface PersonInfo {
  firstName: string
  lastName: string
  /** YYYY-MM-DD, as the date input gives it. */
  birthdate: string
}

/**
 * First name, last name and birthdate, as on the office's record. The birthdate is the
 * browser's own date input: it shows the reader's date order and offers a calendar.
 */
export function PersonFields(props: Controlled<PersonInfo>) {
  const t = useT()
  const fields: readonly GroupField<PersonInfo>[] = [
    {
      label: t('person.firstName'),
      name: 'firstName',
      autoComplete: 'given-name',
      requiredMessage: t('person.firstNameRequired'),
      maxLength: 100,
    },
    {
      label: t('person.lastName'),
      name: 'lastName',
      autoComplete: 'family-name',
      requiredMessage: t('person.lastNameRequired'),
      maxLength: 100,
    },
    {
      label: t('person.birthdate'),
      name: 'birthdate',
      type: 'date',
      autoComplete: 'bday',
      requiredMessage: t('person.birthdateRequired'),
      // Today, where the reader is: nobody is born tomorrow.
      inputProps: { min: '1900-01-01', max: localCalendarDate(new Date()) },
    },
  ]
  return <FieldGroup fields={fields} {...props} />
}
