import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The folder boundaries of server/, checked on every import of every .ts file, so that a slip
 * fails CI instead of quietly tangling the layers (issue 11).
 *
 * - platform/ is what every feature uses, so it imports no feature. "Features" are everything
 *   in server/ outside platform/: portal/, office/, practice/, ccd/, sync/, demo/, testing/ and
 *   the process files at the root (app.ts, main.ts, background.ts…). The one exception is
 *   config.ts (the parsed settings and their ConfigError), which itself imports only Node.
 *   Platform's own *.test.ts files are exempt: they build the whole app to test the platform
 *   in place.
 * - ccd/ builds and renders documents as pure functions: it imports nothing outside itself
 *   (npm packages and Node built-ins are fine), tests included.
 * - portal/ and office/ do not import each other: what both speak lives in practice/.
 * - practice/ is shared by both, so it imports neither (only platform/ and itself).
 *
 * Imports are found by their text: Biome formats every import and re-export statement at the
 * start of a line, and dynamic imports are `import('…')` calls.
 */

const SERVER = path.dirname(new URL(import.meta.url).pathname)

const STATIC_IMPORT = /^(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'|^import\s*'([^']+)'/gm
const DYNAMIC_IMPORT = /\bimport\(\s*'([^']+)'\s*\)/g

interface Import {
  /** The importing file, relative to server/: `portal/summary/create.ts`. */
  file: string
  /** As written: `../../ccd/index.ts`. */
  specifier: string
  /** The imported file relative to server/, or undefined for a package or Node built-in. */
  target: string | undefined
}

function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

function importsOf(file: string, source: string): Import[] {
  const specifiers = [
    ...[...source.matchAll(STATIC_IMPORT)].map((match) => match[1] ?? match[2]),
    ...[...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]),
  ].filter((specifier): specifier is string => specifier !== undefined)
  return specifiers.map((specifier) => ({
    file,
    specifier,
    target: specifier.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      : undefined,
  }))
}

const allImports = typeScriptFiles(SERVER).flatMap((full) =>
  importsOf(path.relative(SERVER, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')),
)

/** The top folder of a path relative to server/ (`portal`), or `.` for the root's files. */
const folder = (relative: string): string =>
  relative.includes('/') ? (relative.split('/')[0] ?? '.') : '.'

const isTest = (file: string) => file.endsWith('.test.ts')

function describeViolations(imports: Import[]): string[] {
  return imports.map((found) => `server/${found.file} imports '${found.specifier}'`)
}

/** Imports from files in `from` (filtered by `which`) that land in a folder `allowed` refuses. */
function crossing(from: string, allowed: (target: string) => boolean, which = (_: string) => true) {
  return describeViolations(
    allImports.filter(
      (found) =>
        folder(found.file) === from &&
        which(found.file) &&
        found.target !== undefined &&
        !allowed(found.target),
    ),
  )
}

describe('server folder boundaries', () => {
  it('finds the imports it checks (the scanner sees real ones)', () => {
    const summary = allImports.filter((found) => found.file === 'portal/summary/create.ts')
    expect(summary.map((found) => found.target)).toContain('ccd/index.ts')
    const dynamic = allImports.filter((found) => found.file === 'ccd/render-pdf.ts')
    expect(dynamic.map((found) => found.specifier)).toContain('pdfkit')
  })

  it('keeps platform free of features (config.ts aside)', () => {
    const allowed = (target: string) => folder(target) === 'platform' || target === 'config.ts'
    expect(crossing('platform', allowed, (file) => !isTest(file))).toEqual([])
    expect(
      crossing(
        '.',
        (target) => folder(target) === 'platform',
        (f) => f === 'config.ts',
      ),
    ).toEqual([])
  })

  it('keeps ccd self-contained: only its own files, npm packages and Node', () => {
    expect(crossing('ccd', (target) => folder(target) === 'ccd')).toEqual([])
  })

  it('keeps portal and office out of each other', () => {
    const portalToOffice = crossing('portal', (target) => folder(target) !== 'office')
    const officeToPortal = crossing('office', (target) => folder(target) !== 'portal')
    expect([...portalToOffice, ...officeToPortal]).toEqual([])
  })

  it('keeps practice below both: it imports only platform and itself', () => {
    const allowed = (target: string) => ['practice', 'platform'].includes(folder(target))
    expect(crossing('practice', allowed)).toEqual([])
  })
})
