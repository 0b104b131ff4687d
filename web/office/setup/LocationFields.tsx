import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import type { WeekHours } from '../settings/contact-form.ts'
import { CONTACT_LABELS } from '../settings/contact-labels.ts'
import { HoursEditor } from '../settings/HoursEditor.tsx'
import type { LocationForm } from './setup-form.ts'

/** One location (clinic): its name, contact details and opening hours. */
export function LocationFields({
  index,
  location,
  errors,
  newKey,
  onChange,
  onRemove,
}: {
  index: number
  location: LocationForm
  errors: { ranges: Record<string, string>; hours?: string } | undefined
  newKey: () => string
  onChange: (location: LocationForm) => void
  onRemove: (() => void) | undefined
}) {
  const t = useT()
  const title = t('office.setup.location', { number: index + 1 })
  // The form's validationErrors are keyed by `name`; this location's carry its index.
  const nameOf = (field: string) => `locations.${index}.${field}`
  return (
    <fieldset className="setup-group">
      <legend>
        {location.name.trim()
          ? t('office.setup.locationNamed', { number: index + 1, name: location.name.trim() })
          : title}
      </legend>
      <TextInputField
        label={t('office.setup.locationName')}
        description={t('office.setup.locationNameHint')}
        name={nameOf('name')}
        value={location.name}
        onChange={(name) => onChange({ ...location, name })}
        isRequired
        maxLength={200}
      />
      <div className="setup-row">
        {CONTACT_LABELS.map((field) => (
          <TextInputField
            key={field.name}
            label={t(field.label)}
            name={nameOf(field.name)}
            type={field.type ?? 'text'}
            value={location[field.name]}
            onChange={(value) => onChange({ ...location, [field.name]: value })}
            maxLength={field.maxLength}
            autoComplete="off"
          />
        ))}
      </div>
      <HoursEditor
        week={location.week}
        onChange={(week: WeekHours) => onChange({ ...location, week })}
        errors={errors?.ranges ?? {}}
        problem={errors?.hours}
        newKey={newKey}
      />
      {onRemove ? (
        <Button className="button button-danger-outline" onPress={onRemove}>
          {t('office.setup.removeLocation', { name: location.name.trim() || title })}
        </Button>
      ) : null}
    </fieldset>
  )
}
