import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ConfigError } from '../../config.ts'

/**
 * What a kept email shows where its secret (a one-time password, a reset code) was: the stored
 * copy, and so the office's Outgoing email page, never has the secret itself; the copy sent over
 * SMTP does (docs/decisions.md, "Secrets in outgoing email").
 */
export const HIDDEN_SECRET = '[hidden: only the email sent to the patient has it]'

/** Seals a secret for the moment between queueing an email and sending it. */
export interface SecretBox {
  seal(secret: string): string
  /** Undefined when the sealed text was not made with this key (the key changed). */
  open(sealed: string): string | undefined
}

const VERSION = 'v1'

/** AES-256-GCM under a key that is never in the database. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('A secret box needs a 32-byte key')
  return {
    seal(secret) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
      return [VERSION, iv, cipher.getAuthTag(), sealed]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.')
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || data === undefined) return undefined
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        decipher.setAuthTag(Buffer.from(tag, 'base64url'))
        const plain = Buffer.concat([
          decipher.update(Buffer.from(data, 'base64url')),
          decipher.final(),
        ])
        return plain.toString('utf8')
      } catch {
        return undefined
      }
    },
  }
}

const KEY_FILE = 'secret.key'

/**
 * The server's key: from SECRET_KEY when set (several instances that share no data folder),
 * otherwise a random key made once in the data folder, readable by its owner only.
 */
export async function loadSecretKey(dataDir: string, fromEnv: string | undefined) {
  if (fromEnv) return createHash('sha256').update(fromEnv).digest()
  const file = path.join(dataDir, KEY_FILE)
  // Written whole under another name, then linked: instances starting together agree on one key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  await fs.writeFile(draft, randomBytes(32).toString('base64'), { mode: 0o600 })
  try {
    await fs.link(draft, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    await fs.rm(draft, { force: true })
  }
  const key = Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64')
  if (key.length !== 32) {
    throw new ConfigError(`${file} does not hold a 32-byte key; restore it or set SECRET_KEY.`)
  }
  return key
}
