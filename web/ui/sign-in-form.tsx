import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react'
import { isApiError, postJson } from './api.ts'
import { useT } from './i18n/i18n.tsx'
import { browserStore, readRememberedUserName, saveUserNameChoice } from './remembered-user-name.ts'
import { signInFailureMessage } from './sign-in-failure.ts'
import { useSubmission } from './submission.ts'
import './form.css'
import './layout.css'
import { NativeField } from './native-field.tsx'

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

type FieldName = 'username' | 'password'
type Messages = Partial<Record<FieldName, string>>

/**
 * User name, password, (remember me) and Sign in; the server decides everything else.
 *
 * Native elements rather than React Aria's: this is the first thing most people load, and React
 * Aria's text field, form and button were a fifth of its JavaScript (bench `web`,
 * docs/decisions.md). What they did is done here: a field left empty or refused by the server
 * is marked `aria-invalid` and points `aria-describedby` at its message, the first such field
 * takes the focus, and an edit clears the field's message.
 */
export function SignInForm({ endpoint, rememberKey, onSignedIn, labelledBy }: SignInFormProps) {
  const store = browserStore()
  const [userName, setUserName] = useState(() =>
    rememberKey ? readRememberedUserName(store, rememberKey) : '',
  )
  const [remember, setRemember] = useState(() => userName !== '')
  const [password, setPassword] = useState('')
  const [messages, setMessages] = useState<Messages>({})
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({})
  const alertId = useId()
  const t = useT()
  const signIn = useSubmission<unknown>(onSignedIn)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (signIn.isPending) return
    const missing = missingFields(userName, password, t)
    setMessages(missing)
    const first = firstField(missing)
    if (first) {
      inputs.current[first]?.focus()
      return
    }
    // Saved on every attempt, so someone who mistypes the password does not retype the name.
    if (rememberKey) saveUserNameChoice(store, rememberKey, { userName, remember })
    void signIn
      .submit(() => postJson<unknown>(endpoint, { username: userName.trim(), password }))
      .then((failure) => setMessages(serverMessages(failure)))
  }

  function edit(name: FieldName, set: (value: string) => void) {
    return (value: string) => {
      set(value)
      setMessages(({ [name]: _gone, ...rest }) => rest)
    }
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={submit}
      aria-labelledby={labelledBy}
      aria-describedby={signIn.isError ? alertId : undefined}
    >
      <CredentialField
        name="username"
        label={t('signIn.userName')}
        value={userName}
        onChange={edit('username', setUserName)}
        message={messages.username}
        inputRef={(input) => {
          inputs.current.username = input
        }}
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
      />
      <CredentialField
        name="password"
        type="password"
        label={t('signIn.password')}
        value={password}
        onChange={edit('password', setPassword)}
        message={messages.password}
        inputRef={(input) => {
          inputs.current.password = input
        }}
        autoComplete="current-password"
      />
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
        No `disabled` while pending: a disabled button loses the focus. The label says
        "Signing in…" and `submit` ignores a second press.
      */}
      <button className="button" type="submit" aria-disabled={signIn.isPending || undefined}>
        {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  )
}

/** After a refused attempt: the server's messages for the fields it names (a 400's `errors`). */
function serverMessages(failure: unknown): Messages {
  if (!isApiError(failure)) return {}
  const { username, password } = failure.errors
  return { ...(username ? { username } : {}), ...(password ? { password } : {}) }
}

/** The messages for the fields left empty (a user name of spaces is empty; a password is not). */
function missingFields(userName: string, password: string, t: ReturnType<typeof useT>): Messages {
  return {
    ...(userName.trim() === '' ? { username: t('signIn.userNameRequired') } : {}),
    ...(password === '' ? { password: t('signIn.passwordRequired') } : {}),
  }
}

function firstField(messages: Messages): FieldName | undefined {
  return (['username', 'password'] as const).find((name) => messages[name] !== undefined)
}

/** A required user name or password input, with its label and message. */
function CredentialField({
  name,
  label,
  message,
  onChange,
  inputRef,
  ...input
}: {
  name: FieldName
  label: ReactNode
  value: string
  message: string | undefined
  onChange: (value: string) => void
  inputRef: (input: HTMLInputElement | null) => void
  type?: 'password'
  autoComplete: string
  autoCapitalize?: string
  autoCorrect?: string
  spellCheck?: boolean
}) {
  return (
    <NativeField label={label} problem={message}>
      {(control) => (
        <input
          {...input}
          {...control}
          ref={inputRef}
          name={name}
          required
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </NativeField>
  )
}
