import { fileURLToPath } from 'node:url'
import { parse } from '@formatjs/icu-messageformat-parser'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const web = (file: string) => fileURLToPath(new URL(`./web/${file}`, import.meta.url))

/**
 * Message catalogs (`web/{ui,portal,office}/messages/`) are parsed at build time, so the browser gets ICU
 * messages ready to format and the parser stays out of the download (formatjs's recommended
 * set-up; `no-parser` below). Unit tests (vitest.config.ts) parse at run time.
 */
function precompileMessages(): Plugin {
  return {
    name: 'bitewing-precompile-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[/\\]web[/\\][a-z]+[/\\]messages[/\\][\w-]+\.json$/.test(id)) return null
      const messages = JSON.parse(code) as Record<string, string>
      const parsed = Object.fromEntries(
        Object.entries(messages).map(([key, message]) => [key, parse(message)]),
      )
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
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
