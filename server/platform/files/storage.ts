import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

/**
 * Where uploaded and generated files (statement PDFs, images, care summaries) live. Keys are
 * relative paths chosen by the caller, e.g. `practices/1/documents/abc.png`. The local-disk
 * implementation is the default; an S3-compatible one can take its place for several instances.
 */
export interface FileStorage {
  put(key: string, body: Buffer | Uint8Array): Promise<void>
  get(key: string): Promise<Buffer>
  stream(key: string): Readable
  exists(key: string): Promise<boolean>
  remove(key: string): Promise<void>
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, body: Buffer | Uint8Array) {
    const target = this.resolve(key)
    await fs.mkdir(path.dirname(target), { recursive: true })
    await fs.writeFile(target, body)
  }

  async get(key: string) {
    return fs.readFile(this.resolve(key))
  }

  stream(key: string) {
    return createReadStream(this.resolve(key))
  }

  async exists(key: string) {
    try {
      await fs.access(this.resolve(key))
      return true
    } catch {
      return false
    }
  }

  async remove(key: string) {
    await fs.rm(this.resolve(key), { force: true })
  }

  /** Keys never escape the storage root, whatever a caller passes. */
  private resolve(key: string) {
    const target = path.resolve(this.root, key)
    if (!target.startsWith(path.resolve(this.root) + path.sep)) {
      throw new Error('File key escapes the storage root')
    }
    return target
  }
}
