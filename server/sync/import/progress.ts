import fs from 'node:fs/promises'

/** What a run has committed, kept next to the input as `<file>.progress`, so a re-run resumes. */
export interface ImportProgress {
  /** The input's size when the run began: another file under the same name starts over. */
  size: number
  /** Every line up to this one (1-based) is committed or reported. */
  committedLine: number
  errors: LineError[]
}

export interface LineError {
  line: number
  message: string
}

export const progressFileOf = (file: string) => `${file}.progress`

/** The earlier run's progress on this very file, or a fresh start. */
export async function readProgress(file: string, size: number): Promise<ImportProgress> {
  try {
    const saved = JSON.parse(await fs.readFile(progressFileOf(file), 'utf8')) as ImportProgress
    if (saved.size === size && Number.isInteger(saved.committedLine)) return saved
  } catch {
    // No progress file (or an unreadable one): start from the first line.
  }
  return { size, committedLine: 0, errors: [] }
}

/** Written whole under another name and renamed, so a run killed mid-write leaves the old one. */
export async function saveProgress(file: string, progress: ImportProgress) {
  const target = progressFileOf(file)
  await fs.writeFile(`${target}.tmp`, JSON.stringify(progress))
  await fs.rename(`${target}.tmp`, target)
}

export async function clearProgress(file: string) {
  await fs.rm(progressFileOf(file), { force: true })
}
