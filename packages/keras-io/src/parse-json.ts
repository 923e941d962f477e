import { KerasIoError } from './keras-io-error';

/** A JSON value parsed from an untrusted file. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
/** A JSON object parsed from an untrusted file (never with a `__proto__` key). */
export interface JsonObject {
  [key: string]: Json;
}

/**
 * Parses JSON from a model file, refusing `__proto__` keys anywhere (so that no later spread or copy of
 * the config can reach an object's prototype).
 *
 * @example
 * parseJson('{"a": 1}', 'config.json') // → { a: 1 }
 */
export function parseJson(text: string, where: string): Json {
  try {
    return JSON.parse(text, (key, value: Json) => {
      if (key === '__proto__') throw new RangeError('__proto__');
      return value;
    }) as Json;
  } catch (error) {
    const proto = error instanceof RangeError && error.message === '__proto__';
    throw new KerasIoError(
      'bad-file',
      proto
        ? `loadKerasModel: ${where} must not contain a "__proto__" key. Received: a "__proto__" key.`
        : `loadKerasModel: ${where} must be valid JSON. Received: ${(error as Error).message}.`,
    );
  }
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a parsed object (never an inherited one). */
export function own(obj: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
