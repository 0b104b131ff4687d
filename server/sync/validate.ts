import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { type FieldErrors, Invalid } from '../platform/http/problems.ts'

type Validator = ReturnType<typeof Compile<TSchema>>
const compiled = new WeakMap<object, Validator>()

function validatorOf(schema: TSchema): Validator {
  let validator = compiled.get(schema)
  if (!validator) {
    validator = Compile(schema)
    compiled.set(schema, validator)
  }
  return validator
}

/** At most this many field errors in one answer: enough to fix a batch, not a megabyte of them. */
const MAX_ERRORS = 50

/**
 * Field errors keyed by the field's path with `/` (`birthdate`, `procedures/0/code`), after
 * `prefix` (`operations/3/`); null when the value is valid. Strict: no type coercion, no field
 * left out silently, unknown fields refused, so a PMS's typo is an error rather than lost data.
 */
export function fieldErrors(schema: TSchema, value: unknown, prefix = ''): FieldErrors | null {
  const validator = validatorOf(schema)
  if (validator.Check(value)) return null
  const errors: FieldErrors = {}
  for (const error of validator.Errors(value)) {
    const at = error.instancePath.replace(/^\//, '')
    const path = (name: string) => prefix + (at ? `${at}/${name}` : name)
    const params = error.params as Record<string, unknown>
    if (error.keyword === 'required' && Array.isArray(params.requiredProperties)) {
      for (const name of params.requiredProperties) errors[path(String(name))] ??= 'is required'
    } else if (
      error.keyword === 'additionalProperties' &&
      Array.isArray(params.additionalProperties)
    ) {
      for (const name of params.additionalProperties)
        errors[path(String(name))] ??= 'is not a field here'
    } else if (error.keyword !== 'boolean') {
      errors[prefix + at || prefix.replace(/\/$/, '') || 'body'] ??= error.message
    }
    if (Object.keys(errors).length >= MAX_ERRORS) break
  }
  return errors
}

/** Throws a 400 naming every invalid field. */
export function refuseInvalid(schema: TSchema, value: unknown, prefix = '') {
  const errors = fieldErrors(schema, value, prefix)
  if (errors) throw new Invalid('Some fields are missing or not valid.', errors)
}

/**
 * Fastify validates the sync routes with the same compiled TypeBox checks as the batch endpoint,
 * so a PUT and the same operation in a batch are refused with the same field errors.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  return (data: unknown) => {
    const errors = fieldErrors(schema, data)
    return errors
      ? { error: new Invalid('Some fields are missing or not valid.', errors) }
      : { value: data }
  }
}
