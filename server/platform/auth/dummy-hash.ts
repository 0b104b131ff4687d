import { hashPassword, verifyPassword } from './passwords.ts'

let dummy: Promise<string> | undefined

/**
 * Verifies against a throwaway hash when the user name does not exist, so a wrong user name
 * takes as long as a wrong password and timing does not reveal which user names exist.
 */
export async function verifyWithoutUser(password: string): Promise<false> {
  dummy ??= hashPassword('not a real password, only here to spend time')
  await verifyPassword(await dummy, password)
  return false
}
