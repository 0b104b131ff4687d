import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

/**
 * Route schemas compiled when a request first needs them, not when the app starts.
 *
 * Fastify compiles every route's Ajv validators and fast-json-stringify serializers while the app
 * starts: hundreds of functions, about a third of a start's CPU (docs/decisions.md, "A start compiles
 * what it uses"), though a start answers only the requests that come. These compilers are
 * Fastify's own (`@fastify/ajv-compiler`, `@fastify/fast-json-stringify-compiler`, with the
 * options Fastify gives them), so a validation error, a coerced query string and a serialized
 * response are what they were; each route's functions are built the first time one of its
 * requests is validated or answered, and the compilers themselves (with Ajv) are loaded then.
 *
 * What this changes: a schema neither compiler accepts fails its route's first request (a 500)
 * instead of the start, so `compileAll` lets a test compile every schema at once. And Fastify
 * treats any compiler given to it as custom: a `headers` schema is no longer lowercased for us
 * (no route has one; name header properties in lowercase if one is added).
 */

/** What Fastify hands a compiler for one part of one route (`schema`, `method`, `url`, …). */
export interface RouteSchema {
  schema: unknown
  [key: string]: unknown
}

type Validate = ((...args: unknown[]) => unknown) & { schemaEnv?: unknown; errors?: unknown }
type Serialize = (data: unknown) => string
type Compile<Built> = (route: RouteSchema) => Built
/** Fastify's compilersFactory entries: one compiler per plugin context, given its shared schemas. */
type Factory<Built> = (externalSchemas: unknown, options: unknown) => Compile<Built>

export interface CompilerFactories {
  buildValidator: Factory<Validate>
  buildSerializer: Factory<Serialize>
}

const require = createRequire(import.meta.url)

/** Fastify's default compilers, loaded on the first compilation. */
export function fastifyCompilerFactories(): CompilerFactories {
  let validators: Factory<Validate> | undefined
  let serializers: Factory<Serialize> | undefined
  return {
    buildValidator: (externalSchemas, options) => {
      // One factory for the app: it keeps one Ajv for every context with the same schemas.
      validators ??= require('@fastify/ajv-compiler')() as Factory<Validate>
      return validators(externalSchemas, options)
    },
    buildSerializer: (externalSchemas, options) => {
      serializers ??= require('@fastify/fast-json-stringify-compiler')() as Factory<Serialize>
      return serializers(externalSchemas, options)
    },
  }
}

/** Fastify's `schemaController.compilersFactory` option. */
type FastifyCompilersFactory = NonNullable<
  FastifyServerOptions['schemaController']
>['compilersFactory']

export interface LazySchemas {
  /** For Fastify's `schemaController` option. */
  compilersFactory: FastifyCompilersFactory
  /** Route schemas compiled so far. */
  compiled(): number
  /** Compiles every schema not yet compiled; throws what a compiler throws. */
  compileAll(): void
}

export function lazySchemas(
  factories: CompilerFactories = fastifyCompilerFactories(),
): LazySchemas {
  let compiled = 0
  const pending = new Set<() => unknown>()

  /** A compiler whose functions are built on first use; the compiler itself likewise. */
  function lazyCompiler<Built>(
    build: Factory<Built>,
    externalSchemas: unknown,
    options: unknown,
    wrap: (get: () => Built) => Built,
  ): Compile<Built> {
    let compiler: Compile<Built> | undefined
    return (route) => {
      let built: Built | undefined
      const get = () => {
        if (built === undefined) {
          compiler ??= build(externalSchemas, options)
          built = compiler(route)
          compiled++
          pending.delete(get)
        }
        return built
      }
      pending.add(get)
      return wrap(get)
    }
  }

  const compilersFactory: CompilerFactories = {
    buildValidator: (externalSchemas, options) =>
      lazyCompiler(factories.buildValidator, externalSchemas, options, lazyValidator),
    buildSerializer: (externalSchemas, options) =>
      lazyCompiler(factories.buildSerializer, externalSchemas, options, lazySerializer),
  }
  return {
    // Fastify's types describe Ajv's functions in full; ours stand in for them in what Fastify uses.
    compilersFactory: compilersFactory as unknown as FastifyCompilersFactory,
    compiled: () => compiled,
    compileAll() {
      for (const get of [...pending]) get()
    },
  }
}

/**
 * Stands in for an Ajv function. Fastify reads `schemaEnv` before each call (an Ajv function is
 * given the request as parent, so a coerced root value is written back) and `errors` after a
 * refusal; both are the compiled function's.
 */
function lazyValidator(get: () => Validate): Validate {
  const validate: Validate = (...args) => get()(...args)
  Object.defineProperties(validate, {
    schemaEnv: { get: () => get().schemaEnv },
    errors: { get: () => get().errors },
  })
  return validate
}

function lazySerializer(get: () => Serialize): Serialize {
  return (data) => get()(data)
}
