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
  const fields: readonly GroupField<PersonInfo>[] = [
    {
      label: 'First name',
      name: 'firstName',
      autoComplete: 'given-name',
      requiredMessage: 'Enter your first name.',
      maxLength: 100,
    },
    {
      label: 'Last name',
      name: 'lastName',
      autoComplete: 'family-name',
      requiredMessage: 'Enter your last name.',
      maxLength: 100,
    },
    {
      label: 'Birthdate',
      name: 'birthdate',
      type: 'date',
      autoComplete: 'bday',
      requiredMessage: 'Enter your birthdate.',
      // Today, where the reader is: nobody is born tomorrow.
      inputProps: { min: '1900-01-01', max: localCalendarDate(new Date()) },
    },
  ]
  return <FieldGroup fields={fields} {...props} />
}
