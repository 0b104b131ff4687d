import fs from 'node:fs'
import semver from 'semver'
import { expect, it } from 'vitest'

interface LockedPackage {
  dev?: boolean
  engines?: { node?: string }
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'))
const lock: { packages: Record<string, LockedPackage> } = JSON.parse(
  fs.readFileSync('package-lock.json', 'utf8'),
)

// The oldest Node.js an operator may run (package.json's engines). npm warns EBADENGINE at
// install for any package that refuses it; for runtime packages that warning is also true.
const oldestSupported = semver.minVersion(manifest.engines.node)?.version ?? ''

it('supports Node.js 20.19 and newer', () => {
  expect(oldestSupported).toBe('20.19.0')
})

it('installs no runtime dependency that refuses the oldest supported Node.js', () => {
  const refusing = Object.entries(lock.packages)
    .filter(([name, entry]) => name !== '' && !entry.dev && entry.engines?.node)
    .filter(([, entry]) => !semver.satisfies(oldestSupported, entry.engines?.node ?? '*'))
    .map(
      ([name, entry]) => `${name.replace(/^.*node_modules\//, '')} (node ${entry.engines?.node})`,
    )
  expect(refusing).toEqual([])
})
