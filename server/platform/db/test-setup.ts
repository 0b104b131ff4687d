import { ensurePGliteTemplate } from './pglite-template.ts'

/** Vitest global set-up: build the migrated embedded-database template once per run. */
export default async function setup() {
  await ensurePGliteTemplate()
}
