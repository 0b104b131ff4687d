import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import S3rver from '@20minutes/s3rver'
import type { S3Location } from '../platform/files/s3.ts'

/** The account the loopback server knows (s3rver's own), sent as AWS_ACCESS_KEY_ID/SECRET. */
const ACCOUNT = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/**
 * A real S3-compatible server on loopback (s3rver, over a throwaway folder) with one bucket, as
 * an object store in front of several instances; `location` gives a storage place in it.
 */
export async function startLoopbackS3(bucket = 'bitewing') {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    /** The environment a Bitewing instance is given to store its files in this bucket. */
    env: (prefix: string) => ({
      FILES_URL: `s3://${bucket}/${prefix}`,
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: ACCOUNT.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ACCOUNT.secretAccessKey,
    }),
    location: (prefix: string): S3Location => ({
      bucket,
      prefix,
      region: 'us-east-1',
      endpoint,
      credentials: ACCOUNT,
    }),
    async close() {
      await server.close()
      await fs.rm(directory, { recursive: true, force: true })
    },
  }
}
