import path from 'node:path'
import type { FilesLocation } from '../../config.ts'
import { type FileStorage, LocalFileStorage } from './storage.ts'

/**
 * The configured file storage: the data folder's `files` by default, or a bucket (FILES_URL).
 * The AWS SDK is loaded only for a bucket, so a laptop's start does not pay for it.
 */
export async function openFileStorage(
  files: FilesLocation,
  dataDir: string,
): Promise<FileStorage & { close?(): void }> {
  if (files.kind === 'folder') return new LocalFileStorage(path.join(dataDir, 'files'))
  const { S3FileStorage } = await import('./s3.ts')
  return new S3FileStorage(files)
}
