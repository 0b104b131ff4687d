import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { BUNDLED_PACKAGES, ensureServerBuilt, SERVER_ENTRY } from '../scripts/server-build.mjs'

/**
 * Packages the server loads only when first used (docs/decisions.md, "Start-up loads what every
 * start needs"): each cost tens of milliseconds and megabytes at every start, for features a
 * practice may never use (Stripe, SMTP, the PostgreSQL driver on the embedded database) or that
 * wait for a rare request (statement PDFs, QR codes, passkeys, calendar events, the first password
 * checked).
 */
const LOADED_WHEN_USED = [
  'stripe',
  'pdf-lib',
  'nodemailer',
  'qrcode',
  'ics',
  '@simplewebauthn/server',
  'pg',
  'pdfkit',
  'sharp',
  '@aws-sdk/client-s3',
  '@node-rs/argon2',
]

/**
 * The packages a start imports: the entry's static imports, through the chunks it imports; and
 * those files (the entry and its chunks).
 */
function importedAtStart(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = fs.readFileSync(file, 'utf8')
    for (const [, specifier] of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?"([^"]+)"/gm)) {
      if (!specifier) continue
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier))
      else if (!specifier.startsWith('node:')) {
        const parts = specifier.split('/')
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''))
      }
    }
  }
  visit(entry)
  return { packages, files: seen }
}

it('starts the prebuilt server without loading what only some requests need', {
  timeout: 60_000,
}, async () => {
  await ensureServerBuilt()
  const { packages: imported, files } = importedAtStart(SERVER_ENTRY)
  // The check itself sees imports: fastify and PGlite are loaded at every start.
  expect(imported).toContain('fastify')
  expect(imported).toContain('@electric-sql/pglite')
  for (const name of LOADED_WHEN_USED) expect(imported, name).not.toContain(name)
  // Bundled: not hundreds of small files read from node_modules at each start.
  for (const name of BUNDLED_PACKAGES) expect(imported, name).not.toContain(name)
  // V8 holds a module's source as long as the server runs, at two bytes a character if any one
  // character is beyond ASCII (scripts/server-build.mjs escapes those in comments).
  for (const file of files) {
    const beyond = /[\u0080-\uffff].{0,40}/.exec(fs.readFileSync(file, 'utf8'))
    expect(beyond?.[0], path.basename(file)).toBeUndefined()
  }
})
