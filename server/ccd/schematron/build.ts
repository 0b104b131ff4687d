/**
 * Rebuilds ccda-r2.1.sef.json, the compiled C-CDA R2.1 validator (see PROVENANCE.md):
 *   node --import tsx server/ccd/schematron/build.ts
 * Three xslt3 runs: severity roles onto HL7's Schematron, SchXslt compiles it to an XSLT
 * validator (every phase, XPath 2 as HL7's own validators run it), SaxonJS exports that as SEF.
 * Takes minutes on a busy machine, which is why the result is committed.
 */

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const DIR = import.meta.dirname
const xslt3 = path.resolve(DIR, '../../../node_modules/xslt3/xslt3.js')

function run(args: string[]): void {
  execFileSync(process.execPath, ['--max-old-space-size=4096', xslt3, ...args], {
    stdio: 'inherit',
  })
}

const withRoles = path.join(DIR, 'build-roles.sch.tmp')
// The validator sits beside voc.xml while compiled: document('voc.xml') resolves against it.
const validator = path.join(DIR, 'build-validator.xsl.tmp')
try {
  run([
    `-xsl:${path.join(DIR, 'severity.xsl')}`,
    `-s:${path.join(DIR, 'ccda-r2.1.sch')}`,
    `-o:${withRoles}`,
  ])
  run([
    `-xsl:${path.join(DIR, 'schxslt/2.0/pipeline-for-svrl.xsl')}`,
    `-s:${withRoles}`,
    `-o:${validator}`,
    'phase=#ALL',
    'schxslt.compile.default-query-binding=xslt2',
  ])
  const sef = path.join(DIR, 'build.sef.json.tmp')
  run([`-xsl:${validator}`, `-export:${sef}`, '-nogo', '-relocate:on'])
  fs.writeFileSync(
    path.join(DIR, 'ccda-r2.1.sef.json.gz'),
    gzipSync(fs.readFileSync(sef), { level: 9 }),
  )
  fs.rmSync(sef)
} finally {
  fs.rmSync(withRoles, { force: true })
  fs.rmSync(validator, { force: true })
}
