import { expect, it } from 'vitest'
import { median, percentile } from './stats.ts'

it('takes the median and nearest-rank percentiles', () => {
  expect(median([5, 1, 3])).toBe(3)
  expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10)
  expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5)
  expect(Number.isNaN(median([]))).toBe(true)
})
