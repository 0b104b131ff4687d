import { useState } from 'react'
import { BirthdateField } from '../../ui/birthdate-field.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import { SubmitButton } from '../../ui/submit-button.tsx'
import { type Controlled, FieldGroup, type GroupField } from '../../ui/text-field.tsx'
import { type FormMutation, MutationForm } from '../mutation-form.tsx'

export interface PersonInfo {
  firstName: string
  lastName: string
  /** YYYY-MM-DD, or '' until the Day, Month and Year fields make a real date. */
  birthdate: string
}

/**
 * First name, last name and birthdate, as on the office's record. The birthdate is typed as
 * Day, a named Month and Year (web/ui/birthdate-field.tsx), so no date order can be misread.
 */
export function PersonFields(props: Controlled<PersonInfo>) {
  const t = useT()
  const fields: readonly GroupField<Omit<PersonInfo, 'birthdate'>>[] = [
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
  ]
  return (
    <>
      <FieldGroup fields={fields} {...props} />
      <BirthdateField
        label={t('person.birthdate')}
        value={props.value.birthdate}
        onChange={(birthdate) => props.onChange({ ...props.value, birthdate })}
        requiredMessage={t('person.birthdateRequired')}
      />
    </>
  )
}

/**
 * Checking who the person is against the office's record (to go on after signing in, or to pay
 * without signing in): their name, trimmed, and birthdate, sent by one button.
 */
export function PersonCheckForm({
  check,
  labelledBy,
  submitLabel,
  pendingLabel,
}: {
  check: FormMutation & { mutate: (person: PersonInfo) => void }
  labelledBy: string
  submitLabel: string
  pendingLabel: string
}) {
  const [person, setPerson] = useState<PersonInfo>({ firstName: '', lastName: '', birthdate: '' })
  return (
    <MutationForm
      mutation={check}
      onSubmit={() =>
        check.mutate({
          ...person,
          firstName: person.firstName.trim(),
          lastName: person.lastName.trim(),
        })
      }
      labelledBy={labelledBy}
      actions={
        <SubmitButton isPending={check.isPending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      }
    >
      <PersonFields value={person} onChange={setPerson} />
    </MutationForm>
  )
}
