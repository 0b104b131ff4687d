import { readFileSync } from 'node:fs'

export const MIN_PASSWORD_LENGTH = 8
// argon2 hashes anything, but a megabyte "password" is a denial-of-service, not a secret.
export const MAX_PASSWORD_LENGTH = 128

let commonPasswords: Set<string> | undefined

/** The shipped list of common passwords, loaded on first use (lower case). */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    commonPasswords = new Set(
      text.split('\n').filter((line) => line !== '' && !line.startsWith('#')),
    )
  }
  return commonPasswords
}

/**
 * Why a new password is refused, or undefined when it is acceptable. NIST 800-63B: length and a
 * block list, no composition rules, so long passphrases are welcome.
 */
export function newPasswordProblem(password: string, context: { username?: string } = {}) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`
  }
  const lower = password.toLowerCase()
  if (loadCommonPasswords().has(lower)) {
    return 'This password is too common and easy to guess. Choose another.'
  }
  if (context.username && lower === context.username.toLowerCase()) {
    return 'Your password must not be your user name.'
  }
  return undefined
}

/** Field errors for a "new password, twice" form; empty when both are fine. */
export function newPasswordErrors(
  password: string,
  again: string,
  context: { username?: string } = {},
): Record<string, string> {
  const problem = newPasswordProblem(password, context)
  if (problem) return { newPassword: problem }
  if (password !== again) return { newPasswordAgain: 'The two passwords are not the same.' }
  return {}
}
