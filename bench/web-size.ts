/**
 * JavaScript a browser downloads (gzip), from the built web app (`npm run build`): the sign-in
 * page (the portal's entry and what it imports, plus the public layout and the sign-in page) and a
 * signed-in first load (the entry, plus the signed-in layout, the patient page and the first tab,
 * Appointments, with their imports, and what the signed-in layout's route fetches with it: the
 * portal's query client, `queries`, and the English catalog's part beyond the sign-in page's,
 * `later-en`: web/portal/routes.tsx).
 * Lazily loaded pages are counted only where they are opened. Both count the English message
 * catalogs (shared and portal), which every first load fetches with `import()` before it renders.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const ROOT = path.resolve(import.meta.dirname, '..')
const WEB = path.join(ROOT, 'dist/web')
const ASSETS = path.join(WEB, 'assets')

/** The chunk and every chunk it imports statically (not `import()`), by file name. */
function closure(files: string[], into = new Set<string>()): Set<string> {
  for (const file of files) {
    if (into.has(file)) continue
    into.add(file)
    const code = fs.readFileSync(path.join(ASSETS, file), 'utf8')
    const imports = [...code.matchAll(/(?<!import\()(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)]
    closure(
      imports.map((match) => match[1] as string),
      into,
    )
  }
  return into
}

/** The English catalogs the given chunks fetch with `import()` (web/ui/mount.tsx, portal/main.tsx). */
function englishCatalogs(files: Set<string>): string[] {
  return [...files].flatMap((file) =>
    [
      ...fs
        .readFileSync(path.join(ASSETS, file), 'utf8')
        .matchAll(/import\(\s*[`"']\.\/(en-[^`"']+\.js)[`"']\s*\)/g),
    ].map((match) => match[1] as string),
  )
}

function gzipKb(files: Set<string>) {
  let bytes = 0
  for (const file of files)
    bytes += gzipSync(fs.readFileSync(path.join(ASSETS, file)), { level: 9 }).length
  return bytes / 1024
}

/** The built chunk whose name starts with `name-` (Vite names lazy pages after their module). */
function chunk(name: string) {
  const found = fs
    .readdirSync(ASSETS)
    .find((file) => file.startsWith(`${name}-`) && file.endsWith('.js'))
  if (!found) throw new Error(`no chunk ${name} in dist/web/assets: run npm run build`)
  return found
}

export function benchWebSize() {
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  )
  const firstLoad = closure(entries)
  closure(englishCatalogs(firstLoad), firstLoad)
  const signIn = closure(['PublicLayout', 'SignInPage'].map(chunk), new Set(firstLoad))
  const signedIn = closure(
    ['SignedInLayout', 'queries', 'later-en', 'PatientPage', 'AppointmentsPage'].map(chunk),
    new Set(firstLoad),
  )
  return { signInKb: gzipKb(signIn), signedInKb: gzipKb(signedIn) }
}
