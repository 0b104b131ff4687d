import { stableUuid } from './ids.ts'
import type { CareSummaryInput, Provider } from './input.ts'
import { hl7Instant } from './time.ts'
import { XmlWriter } from './xml.ts'

/** What every section builder shares while one document is written. */
export interface BuildContext {
  w: XmlWriter
  input: CareSummaryInput
  timeZone: string
  /**
   * The document's effective time as a TS, made once: the header and every entry without a date
   * of its own carry it.
   */
  effectiveTime: string
  /** The id root for things the practice numbers itself (patients, providers, clinics). */
  practiceRoot: string
  /** Providers by id (care team and author), for performers of procedures and encounters. */
  providers: Map<string, Provider>
  /**
   * Writes an entry's `<id>`: the practice's root with the row's kind and id as extension, so
   * the same row has the same id in every document (receivers reconcile entries by id).
   * `part` names a statement nested in the entry (its reaction, its severity, …).
   */
  entryId(kind: string, id: string, part?: string): void
  /**
   * Writes markup that is the same everywhere in this document (a provider as performer) once,
   * then repeats the string: the budget has no room to render the same address fifty times.
   */
  reuse(key: string, write: () => void): void
}

export function createContext(input: CareSummaryInput): BuildContext {
  const providers = new Map<string, Provider>()
  for (const provider of input.careTeam) providers.set(provider.id, provider)
  if (input.author && !providers.has(input.author.id)) providers.set(input.author.id, input.author)
  const practiceRoot = stableUuid('practice', input.practice.id)
  const reused = new Map<string, Uint8Array>()
  const ctx: BuildContext = {
    w: new XmlWriter(),
    input,
    timeZone: input.document.timeZone,
    effectiveTime: hl7Instant(input.document.effectiveAt, input.document.timeZone),
    practiceRoot,
    providers,
    entryId(kind, id, part) {
      const extension = part === undefined ? `${kind}-${id}` : `${kind}-${id}-${part}`
      ctx.w.empty('id', { root: practiceRoot, extension })
    },
    reuse(key, write) {
      const markup = reused.get(key)
      if (markup === undefined) reused.set(key, ctx.w.fragment(write))
      else ctx.w.raw(markup)
    },
  }
  return ctx
}
