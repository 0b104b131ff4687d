import { type Controlled, TextInputField } from '../../ui/text-field.tsx'
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
export function PersonFields({ value, onChange }: Controlled<PersonInfo>) {
  return (
    <>
      <TextInputField
        label="First name"
        name="firstName"
        autoComplete="given-name"
        value={value.firstName}
        onChange={(firstName) => onChange({ ...value, firstName })}
        requiredMessage="Enter your first name."
        maxLength={100}
      />
      <TextInputField
        label="Last name"
        name="lastName"
        autoComplete="family-name"
        value={value.lastName}
        onChange={(lastName) => onChange({ ...value, lastName })}
        requiredMessage="Enter your last name."
        maxLength={100}
      />
      <TextInputField
        label="Birthdate"
        name="birthdate"
        type="date"
        autoComplete="bday"
        value={value.birthdate}
        onChange={(birthdate) => onChange({ ...value, birthdate })}
        requiredMessage="Enter your birthdate."
        inputProps={{ min: '1900-01-01', max: localCalendarDate(new Date()) }}
      />
    </>
  )
}
