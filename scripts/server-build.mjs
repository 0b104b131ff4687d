// The server, compiled ahead of time: `npm run build` (and `npm start` when it is missing or
// older than its sources) bundles server/main.ts with esbuild into dist/server, so starting it
// transpiles nothing. Packages stay in node_modules, except BUNDLED_PACKAGES; the files the
// server reads beside its code (migrations, the XML schemas, the password list, the shipped code
// list) are read where they are, in server/: each module's import.meta points at its source file,
// not at the bundle.
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
export const SERVER_ENTRY = path.join(root, 'dist/server/main.mjs')

const distServer = path.join(root, 'dist/server')
// Built beside it and then renamed, so that starts racing each other (tests) never see half a build.
const outdir = path.join(root, `dist/.server-${process.pid}`)

/** import.meta.url and .dirname of each server module, as in its source file. */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/].*\.ts$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8')
      if (contents.includes('import.meta.')) {
        const file = path.relative(outdir, args.path).split(path.sep).join('/')
        const dir = path.relative(outdir, path.dirname(args.path)).split(path.sep).join('/')
        contents = contents
          .replaceAll('import.meta.url', `new URL(${JSON.stringify(file)}, import.meta.url).href`)
          .replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(`/${dir}`)})`)
      }
      return { contents, loader: 'ts' }
    })
  },
}

/**
 * Packages bundled into the server rather than loaded from node_modules: plain JavaScript made of
 * hundreds of small modules (typebox 683 files, kysely 264), which Node would otherwise resolve,
 * read and compile one by one at every start. The others stay external: native addons, files read
 * beside their code (PGlite's WebAssembly), or loaded only when used.
 */
export const BUNDLED_PACKAGES = ['typebox', 'kysely']

const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0]
      return BUNDLED_PACKAGES.includes(name) ? undefined : { path: args.path, external: true }
    })
  },
}

function newestTime(target) {
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestTime(path.join(target, entry)))
  }
  return newest
}

export function serverIsCurrent() {
  if (!fs.existsSync(SERVER_ENTRY)) return false
  const sources = Math.max(
    newestTime(path.join(root, 'server')),
    newestTime(path.join(root, 'package-lock.json')),
    // How it is bundled changes the build too.
    newestTime(import.meta.filename),
  )
  return fs.statSync(SERVER_ENTRY).mtimeMs >= sources
}

/**
 * Escapes the characters beyond ASCII that esbuild leaves in comments (its default ASCII charset
 * escapes them in code, except in raw template text, which it must leave as written). V8 keeps
 * each module's source in memory for as long as the server runs, and one such character makes
 * the whole of it two bytes a character: main.mjs's 1.1 MB held 2.2 MB. Only whole comment lines
 * are changed, where `\u00ed` reads as well; server-bundle.test.ts checks what a start loads.
 */
function escapeNonAsciiComments(dir) {
  const commentLine = /^\s*(?:\/\/|\/\*|\*)/
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.mjs')) continue
    const file = path.join(dir, name)
    const code = fs.readFileSync(file, 'utf8')
    if (!/[\u0080-\uffff]/.test(code)) continue
    const lines = code
      .split('\n')
      .map((line) =>
        commentLine.test(line)
          ? line.replace(
              /[\u0080-\uffff]/g,
              (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
            )
          : line,
      )
    fs.writeFileSync(file, lines.join('\n'))
  }
}

export async function buildServer() {
  const { build } = await import('esbuild')
  fs.rmSync(outdir, { recursive: true, force: true })
  await build({
    entryPoints: { main: path.join(root, 'server/main.ts') },
    outdir,
    plugins: [sourceLocations, externalPackages],
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // The demo generator and its PDF and image libraries load only when a demo is created.
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  })
  escapeNonAsciiComments(outdir)
  if (serverIsCurrent()) {
    // Another start built it meanwhile.
    fs.rmSync(outdir, { recursive: true, force: true })
    return
  }
  fs.rmSync(distServer, { recursive: true, force: true })
  try {
    fs.renameSync(outdir, distServer)
  } catch (error) {
    fs.rmSync(outdir, { recursive: true, force: true })
    if (!fs.existsSync(SERVER_ENTRY)) throw error
  }
}

/** Builds the server unless dist holds one at least as new as its sources. */
export async function ensureServerBuilt() {
  if (serverIsCurrent()) return
  console.log('Building the server…')
  await buildServer()
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await buildServer()
