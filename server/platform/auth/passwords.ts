import { hash, verify } from '@node-rs/argon2'

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2

/**
 * argon2id parameters. OWASP's minimum is 19 MiB and 2 passes; 64 MiB and 3 passes are well above it and cost
 * roughly 50–250 ms per verification on a 2-core machine (measured by `npm run bench`), slow
 * for an attacker yet quick enough for a busy morning's sign-ins.
 */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
} as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
