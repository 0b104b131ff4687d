import { useId } from 'react'
import { isLanguage, LANGUAGE_NAMES } from '../../../server/platform/i18n/languages.ts'
import { useLanguage, useT } from './i18n.tsx'
import './language-picker.css'

/**
 * The language menu (sign-in page, header): each language named in itself, so a person who
 * cannot read the current one still finds theirs. The choice is remembered on this browser.
 */
export function LanguagePicker() {
  const { language, offered, setLanguage } = useLanguage()
  const t = useT()
  const id = useId()
  if (offered.length < 2) return null
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const chosen = event.currentTarget.value
          if (isLanguage(chosen)) void setLanguage(chosen)
        }}
      >
        {offered.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  )
}
