/** Runs `work` `runs` times and returns each run's wall time in milliseconds. */
export function timeSync(runs: number, work: () => unknown): number[] {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return times
}

export async function timeAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return times
}
