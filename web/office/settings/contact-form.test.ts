import { describe, expect, it } from 'vitest'
import {
  addRange,
  type ContactForm,
  changeRange,
  clockPlus,
  contactBodyOf,
  contactChanged,
  contactFormOf,
  copyDay,
  removeRange,
  splitContactErrors,
  type WeekHours,
  weekdayOrder,
} from './contact-form.ts'
import type { Contact } from './settings-api.ts'

const clinic: Contact = {
  id: 7,
  name: 'Plymouth',
  phone: '555-0100',
  email: null,
  address1: '12 Plymouth Road',
  address2: null,
  city: 'Maple Grove',
  region: 'MN',
  postalCode: '55311',
  npi: '1245319599',
  hours: [
    { weekday: 4, opens: '13:00', closes: '19:00' },
    { weekday: 2, opens: '08:00', closes: '17:00' },
    { weekday: 4, opens: '08:00', closes: '12:00' },
  ],
}

const emptyWeek = (): WeekHours => [[], [], [], [], [], [], []]

describe('contactFormOf and contactBodyOf', () => {
  it('groups hours by weekday, earliest first, and blanks become empty strings', () => {
    const form = contactFormOf(clinic)
    expect(form.email).toBe('')
    expect(form.week[2]?.map((range) => range.opens)).toEqual(['08:00'])
    expect(form.week[4]?.map((range) => `${range.opens}-${range.closes}`)).toEqual([
      '08:00-12:00',
      '13:00-19:00',
    ])
    expect(form.week[0]).toEqual([])
    const keys = form.week.flat().map((range) => range.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('round-trips: the body says what the server sent, in weekday order', () => {
    const { body } = contactBodyOf(contactFormOf(clinic))
    const { id: _id, name: _name, hours: _hours, ...details } = clinic
    expect(body).toEqual({
      ...details,
      hours: [
        { weekday: 2, opens: '08:00', closes: '17:00' },
        { weekday: 4, opens: '08:00', closes: '12:00' },
        { weekday: 4, opens: '13:00', closes: '19:00' },
      ],
    })
  })

  it('trims text and sends blanks as null', () => {
    const form: ContactForm = {
      ...contactFormOf(clinic),
      phone: '  ',
      city: ' Wayzata ',
      npi: '',
    }
    const { body } = contactBodyOf(form)
    expect(body.phone).toBeNull()
    expect(body.npi).toBeNull()
    expect(body.city).toBe('Wayzata')
  })

  it('names the row behind each hours.N it sends', () => {
    const form = contactFormOf(clinic)
    const { rangeKeys } = contactBodyOf(form)
    expect(rangeKeys).toEqual([
      form.week[2]?.[0]?.key,
      form.week[4]?.[0]?.key,
      form.week[4]?.[1]?.key,
    ])
  })
})

describe('contactChanged', () => {
  it('notices edits and ignores row keys and order', () => {
    const saved = contactFormOf(clinic)
    expect(contactChanged(saved, contactFormOf(clinic))).toBe(false)
    const reordered = { ...saved, week: saved.week.map((day) => [...day].reverse()) }
    expect(contactChanged(saved, reordered)).toBe(false)
    expect(contactChanged(saved, { ...saved, phone: '555-0199' })).toBe(true)
    expect(contactChanged(saved, { ...saved, week: addRange(saved.week, 0, 'n1') })).toBe(true)
  })
})

describe('editing hours', () => {
  it('adds 09:00–17:00 to a closed day', () => {
    expect(addRange(emptyWeek(), 1, 'a')[1]).toEqual([
      { key: 'a', opens: '09:00', closes: '17:00' },
    ])
  })

  it('adds after the last closing on a day that has hours', () => {
    const week = addRange(emptyWeek(), 1, 'a')
    const morning = changeRange(week, 1, 'a', { closes: '12:00' })
    expect(addRange(morning, 1, 'b')[1]?.[1]).toEqual({ key: 'b', opens: '13:00', closes: '17:00' })
  })

  it('keeps an added range on the same day late in the evening', () => {
    const late = changeRange(addRange(emptyWeek(), 5, 'a'), 5, 'a', { closes: '23:30' })
    const added = addRange(late, 5, 'b')[5]?.[1]
    expect(added).toEqual({ key: 'b', opens: '23:30', closes: '23:59' })
  })

  it('changes and removes one range without touching the others', () => {
    let week = addRange(addRange(emptyWeek(), 3, 'a'), 3, 'b')
    week = changeRange(week, 3, 'a', { opens: '07:30' })
    expect(week[3]?.map((range) => range.opens)).toEqual(['07:30', '18:00'])
    week = removeRange(week, 3, 'a')
    expect(week[3]?.map((range) => range.key)).toEqual(['b'])
    expect(week.filter((day) => day.length > 0)).toHaveLength(1)
  })

  it('does not change the week it was given', () => {
    const week = emptyWeek()
    addRange(week, 0, 'a')
    expect(week[0]).toEqual([])
  })

  it("copies a day's hours to other days with new keys", () => {
    let next = 0
    const monday = changeRange(addRange(emptyWeek(), 1, 'm'), 1, 'm', { opens: '08:00' })
    const week = copyDay(monday, 1, [1, 2, 3], () => `k${++next}`)
    expect(week[2]).toEqual([{ key: 'k1', opens: '08:00', closes: '17:00' }])
    expect(week[3]).toEqual([{ key: 'k2', opens: '08:00', closes: '17:00' }])
    expect(week[1]?.[0]?.key).toBe('m')
  })

  it('rows with a time still missing are sent last in their day', () => {
    const week = changeRange(addRange(addRange(emptyWeek(), 1, 'a'), 1, 'b'), 1, 'a', {
      opens: '',
    })
    const { body, rangeKeys } = contactBodyOf({ ...contactFormOf(clinic), week })
    expect(body.hours.map((slot) => slot.opens)).toEqual(['18:00', ''])
    expect(rangeKeys).toEqual(['b', 'a'])
  })
})

describe('clockPlus', () => {
  it('adds minutes and stays within the day', () => {
    expect(clockPlus('08:45', 30)).toBe('09:15')
    expect(clockPlus('22:00', 240)).toBe('23:59')
  })
})

describe('weekdayOrder', () => {
  it('starts the week where the reader does', () => {
    expect(weekdayOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0])
    expect(weekdayOrder(6)).toEqual([6, 0, 1, 2, 3, 4, 5])
  })
})

describe('splitContactErrors', () => {
  it('puts hours messages on their rows and the rest on the fields', () => {
    const split = splitContactErrors(
      {
        email: 'Enter an email address.',
        'hours.1': 'Closing time must be after opening time.',
        'hours.0.closes': 'Enter a time.',
        'hours.0': 'These hours overlap other hours on the same day.',
        'hours.9': 'Out of range',
      },
      ['a', 'b'],
    )
    expect(split.fields).toEqual({ email: 'Enter an email address.' })
    expect(split.ranges).toEqual({
      a: 'Enter a time.',
      b: 'Closing time must be after opening time.',
    })
    expect(split.hours).toBe('Out of range')
  })
})
