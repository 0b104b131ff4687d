import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const web = (file: string) => fileURLToPath(new URL(`./web/${file}`, import.meta.url))

/**
 * Two apps from one source tree: the patient portal (`/`) and the office console (`/office/`).
 * Each is its own HTML entry, so the portal's first load never carries the console's code.
 */
export default defineConfig({
  root: web(''),
  plugins: [react()],
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
