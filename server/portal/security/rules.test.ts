import { describe, expect, it } from 'vitest'
import { browserOf } from './rules.ts'

describe('the browser of a session', () => {
  it('names the browser and the system, for the page to put in a sentence', () => {
    expect(
      browserOf(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', system: 'Android' })
    expect(
      browserOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', system: 'iOS' })
    expect(
      browserOf(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toEqual({ browser: 'Edge', system: 'Windows' })
  })

  it('says nothing it does not know', () => {
    expect(browserOf(null)).toEqual({ browser: null, system: null })
    expect(browserOf('curl/8.5.0')).toEqual({ browser: null, system: null })
  })
})
