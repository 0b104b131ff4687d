import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components'
import { isApiError, postJson } from './api.ts'
import { useT } from './i18n/i18n.tsx'
import { browserStore, readRememberedUserName, saveUserNameChoice } from './remembered-user-name.ts'
import { signInFailureMessage } from './sign-in-failure.ts'
import './form.css'
import './layout.css'

export interface SignInFormProps {
  /** Where the credentials are POSTed, e.g. `/api/portal/session`. */
  endpoint: string
  /** The localStorage key for "Remember user name"; without it the checkbox is not offered. */
  rememberKey?: string
  /**
   * Called once the server has accepted the sign-in (its session cookie is then set), with the
   * server's answer (e.g. the portal's session view).
   */
  onSignedIn: (result: unknown) => void
  /** Labels the form for assistive technology, e.g. the id of the page's heading. */
  labelledBy?: string
}

interface Credentials {
  username: string
  password: string
}

/** User name, password, (remember me) and Sign in; the server decides everything else. */
export function SignInForm({ endpoint, rememberKey, onSignedIn, labelledBy }: SignInFormProps) {
  const store = browserStore()
  const [userName, setUserName] = useState(() =>
    rememberKey ? readRememberedUserName(store, rememberKey) : '',
  )
  const [remember, setRemember] = useState(() => userName !== '')
  const [password, setPassword] = useState('')
  const alertId = useId()
  const t = useT()

  const signIn = useMutation({
    mutationFn: (credentials: Credentials) => postJson<unknown>(endpoint, credentials),
    onSuccess: (result) => onSignedIn(result),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (signIn.isPending) return
    // Saved on every attempt, so someone who mistypes the password does not retype the name.
    if (rememberKey) saveUserNameChoice(store, rememberKey, { userName, remember })
    signIn.mutate({ username: userName.trim(), password })
  }

  const fieldErrors = isApiError(signIn.error) ? signIn.error.errors : {}

  return (
    <Form
      className="form"
      onSubmit={submit}
      validationErrors={fieldErrors}
      aria-labelledby={labelledBy}
      aria-describedby={signIn.isError ? alertId : undefined}
    >
      <TextField
        className="field"
        name="username"
        value={userName}
        onChange={setUserName}
        isRequired
        validate={(value) => (value.trim() === '' ? t('signIn.userNameRequired') : null)}
        autoComplete="username"
      >
        <Label>{t('signIn.userName')}</Label>
        <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} />
        <FieldError className="field-error" />
      </TextField>
      <TextField
        className="field"
        name="password"
        type="password"
        value={password}
        onChange={setPassword}
        isRequired
        validate={(value) => (value === '' ? t('signIn.passwordRequired') : null)}
        autoComplete="current-password"
      >
        <Label>{t('signIn.password')}</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      {rememberKey ? (
        // A native checkbox: nothing to draw or hide, and every browser and tool knows it.
        <label className="checkbox">
          <input
            type="checkbox"
            name="remember"
            checked={remember}
            onChange={(event) => setRemember(event.currentTarget.checked)}
          />
          {t('signIn.remember')}
        </label>
      ) : null}
      {signIn.isError ? (
        // Keyed by the attempt, so the same message after a second try is announced again.
        <div key={signIn.submittedAt} id={alertId} className="notice notice-error" role="alert">
          <p>{signInFailureMessage(signIn.error, t)}</p>
        </div>
      ) : null}
      {/*
        Not React Aria's isPending: it announces the button by id when the wait ends, and after a
        successful sign-in the button is gone, leaving an announcement that points at nothing
        (axe: role-img-alt). The label says "Signing in…" and \`submit\` ignores a second press.
      */}
      <Button className="button" type="submit" aria-disabled={signIn.isPending || undefined}>
        {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </Form>
  )
}
