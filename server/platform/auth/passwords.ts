import { createRequire } from 'node:module'

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

type Argon2 = typeof import('@node-rs/argon2')
let argon2: Argon2 | undefined

/** The native argon2 library, loaded by the first password hashed or checked, not at start. */
function loadArgon2(): Argon2 {
  argon2 ??= createRequire(import.meta.url)('@node-rs/argon2') as Argon2
  return argon2
}

export function hashPassword(password: string): Promise<string> {
  return loadArgon2().hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = loadArgon2()
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
