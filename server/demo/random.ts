import { base, en, en_US, Faker } from '@faker-js/faker'

/**
 * A private, seeded Faker: the demo never touches the shared `faker` instance, so other code (or
 * a second demo in the same process) cannot shift its sequence.
 */
export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en_US, en, base] })
  faker.seed(seed)
  return faker
}

/**
 * Reseeds for one family. Each family's data depends only on the seed and its position, so the
 * first families (the ones people look at) stay the same whatever `--patients` asks for.
 */
export function reseedForFamily(faker: Faker, seed: number, familyIndex: number) {
  faker.seed([seed, familyIndex])
}

export function chance(faker: Faker, probability: number): boolean {
  return faker.number.float() < probability
}

export function between(faker: Faker, min: number, max: number): number {
  return faker.number.int({ min, max })
}

export function pick<T>(faker: Faker, items: readonly T[]): T {
  return items[faker.number.int(items.length - 1)] as T
}

export function weighted<T>(faker: Faker, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = faker.number.float() * total
  for (const [value, weight] of options) {
    roll -= weight
    if (roll < 0) return value
  }
  return options[options.length - 1]?.[0] as T
}

/** Sequential PMS keys (like Open Dental's PatNum, AptNum…), one counter per table. */
export class ExternalIds {
  private readonly counters = new Map<string, number>()

  next(table: string): string {
    const value = (this.counters.get(table) ?? 0) + 1
    this.counters.set(table, value)
    return String(value)
  }
}
