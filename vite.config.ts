import { fileURLToPath } from 'node:url'
import { parse } from '@formatjs/icu-messageformat-parser'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { onSignInPage } from './web/portal/sign-in-words.ts'

const web = (file: string) => fileURLToPath(new URL(`./web/${file}`, import.meta.url))

/**
 * Message catalogs (`web/{ui,portal,office}/messages/`) are parsed at build time, so the browser gets ICU
 * messages ready to format and the parser stays out of the download (formatjs's recommended
 * set-up; `no-parser` below). Unit tests (vitest.config.ts) parse at run time.
 * `?sign-in` and `?later` take the two parts of a portal catalog (web/portal/sign-in-words.ts).
 */
function precompileMessages(): Plugin {
  return {
    name: 'bitewing-precompile-messages',
    enforce: 'pre',
    transform(code, id) {
      const match = /[/\\]web[/\\][a-z]+[/\\]messages[/\\][\w-]+\.json(?:\?(sign-in|later))?$/.exec(
        id,
      )
      if (!match) return null
      const part = match[1]
      const messages = JSON.parse(code) as Record<string, string>
      const parsed = Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => !part || (part === 'sign-in') === onSignInPage(key))
          .map(([key, message]) => [key, parse(message)]),
      )
      // With a query the bundler no longer takes the file for JSON: hand it over as a module.
      if (part)
        return { code: `export default ${JSON.stringify(parsed)}`, map: null, moduleType: 'js' }
      return { code: JSON.stringify(parsed), map: null }
    },
  }
}

/**
 * Two apps from one source tree: the patient portal (`/`) and the office console (`/office/`).
 * Each is its own HTML entry, so the portal's first load never carries the console's code.
 */
export default defineConfig({
  root: web(''),
  plugins: [react(), precompileMessages()],
  resolve: {
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server caches `/assets/*` forever, which is safe only because every name has a hash.
    assetsDir: 'assets',
    target: 'es2022',
    rolldownOptions: {
      input: {
        portal: web('index.html'),
        office: web('office/index.html'),
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        // Rolldown names a chunk both apps share after one of its modules (it came out "theme");
        // "shared" says what it is. Lazy-loaded pages keep their own names.
        // The later part of a portal catalog is `later-en-…` (bench `web` tells them apart).
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.endsWith('?later')
            ? 'assets/later-[name]-[hash].js'
            : chunk.isDynamicEntry
              ? 'assets/[name]-[hash].js'
              : 'assets/shared-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
