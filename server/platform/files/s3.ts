import { PassThrough, type Readable } from 'node:stream'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { FileStorage } from './storage.ts'

/** Where files go in S3-compatible object storage: FILES_URL=s3://bucket/prefix and AWS_*. */
export interface S3Location {
  bucket: string
  /** Folder inside the bucket, without slashes at either end; '' for the bucket's root. */
  prefix: string
  region: string
  /** An S3-compatible server's address (AWS_ENDPOINT_URL); it is then addressed path-style. */
  endpoint: string | undefined
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; unset, the SDK's own chain (profile, role). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined
}

/**
 * Files as objects in one bucket, for several instances sharing them. Keys map to objects
 * under the prefix; a missing object fails as a missing local file does (code ENOENT).
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client

  constructor(private readonly location: S3Location) {
    this.client = new S3Client({
      region: location.region,
      ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
      ...(location.credentials ? { credentials: location.credentials } : {}),
    })
  }

  async put(key: string, body: Buffer | Uint8Array) {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key), Body: body }),
    )
  }

  async get(key: string) {
    const found = await this.fetch(key, this.objectKey(key))
    return Buffer.from(await found.transformToByteArray())
  }

  stream(key: string): Readable {
    const objectKey = this.objectKey(key)
    const out = new PassThrough()
    this.fetch(key, objectKey).then(
      (body) => {
        const source = body as Readable
        source.once('error', (error) => out.destroy(error))
        source.pipe(out)
      },
      (error: Error) => out.destroy(error),
    )
    return out
  }

  async exists(key: string) {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      )
      return true
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }

  /** Deleting an object that is not there succeeds, as removing a missing local file does. */
  async remove(key: string) {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
    )
  }

  close() {
    this.client.destroy()
  }

  private async fetch(key: string, objectKey: string) {
    try {
      const found = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: objectKey }),
      )
      if (!found.Body) throw missingFile(key)
      return found.Body
    } catch (error) {
      throw isMissing(error) ? missingFile(key) : error
    }
  }

  /**
   * Keys stay under the prefix, whatever a caller passes: no `.`/`..` segments, empty segments,
   * backslashes or leading slash, which a server or proxy normalizing paths could resolve
   * elsewhere.
   */
  private objectKey(key: string) {
    const segments = key.split('/')
    if (key.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error('File key escapes the storage root')
    }
    return this.location.prefix ? `${this.location.prefix}/${key}` : key
  }
}

function isMissing(error: unknown) {
  // GetObject says NoSuchKey; HeadObject has no body to say it in, so its 404 is NotFound.
  const name = (error as { name?: string } | undefined)?.name
  return name === 'NoSuchKey' || name === 'NotFound'
}

/** The error a missing local file gives (fs ENOENT), so callers need not know where files are. */
function missingFile(key: string) {
  return Object.assign(new Error(`No stored file ${key}`), { code: 'ENOENT' })
}
