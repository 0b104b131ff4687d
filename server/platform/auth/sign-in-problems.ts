import { Problem } from '../http/problems.ts'

/** One message for a wrong user name and a wrong password: never say which. */
export class SignInFailed extends Problem {
  constructor() {
    super(401, 'sign-in-failed', 'Sign-in failed', 'The user name or password is not right.')
  }
}

export class TooManyAttempts extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
    super(
      429,
      'too-many-attempts',
      'Too many attempts',
      `Too many attempts. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    )
  }
}
