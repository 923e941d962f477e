import type { InitializerIdentifier, LayerConfig, Shape } from '@tensorseq/layers-core';

/** A type guard for one config value, with the expectation it checks (for the error message). */
export interface ConfigField<T> {
  expected: string;
  is(value: unknown): value is T;
}

/**
 * One guard per option of `T`: the compiler insists on a guard for every option, so an option added to an
 * Options interface cannot be forgotten by `fromConfig`.
 */
export type ConfigSchema<T> = { [K in keyof T]-?: ConfigField<Exclude<T[K], undefined>> };

/**
 * The options of `T` found in a JSON config, each checked against its guard (absent keys stay absent,
 * keys outside the schema are ignored). Range checks stay with the constructor that receives them.
 *
 * @throws TypeError naming the key when a value has the wrong type.
 * @example
 * readConfig({ units: 4, name: 'x' }, { units: POSITIVE_NUMBER, name: STRING }, 'LSTM') // → { units: 4, name: 'x' }
 */
export function readConfig<T extends object>(
  config: LayerConfig,
  schema: ConfigSchema<T>,
  owner: string,
): Partial<T> {
  const options: Partial<T> = {};
  for (const key of Object.keys(schema) as (keyof T & string)[]) {
    const value = config[key];
    if (value === undefined) continue;
    const field = schema[key];
    if (!field.is(value)) {
      throw new TypeError(
        `${owner}.fromConfig: ${key} must be ${field.expected}. Received: ${key}=${JSON.stringify(value)}.`,
      );
    }
    options[key] = value;
  }
  return options;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A number (its range is the constructor's check). */
export const NUMBER: ConfigField<number> = { expected: 'a number', is: (v) => typeof v === 'number' };
/** A boolean. */
export const BOOLEAN: ConfigField<boolean> = { expected: 'a boolean', is: (v) => typeof v === 'boolean' };
/** A string. */
export const STRING: ConfigField<string> = { expected: 'a string', is: (v) => typeof v === 'string' };
/** A shape: numbers and nulls. */
export const SHAPE: ConfigField<Shape> = {
  expected: 'an array of numbers and nulls',
  is: (v): v is Shape => Array.isArray(v) && v.every((d) => d === null || typeof d === 'number'),
};
/** An initializer name, object, or its `{ className, config }` form. */
export const INITIALIZER: ConfigField<InitializerIdentifier> = {
  expected: 'an initializer name or { className, config }',
  is: (v): v is InitializerIdentifier =>
    typeof v === 'string' ||
    (isObject(v) && typeof v.className === 'string' && isObject(v.config)) ||
    (isObject(v) && typeof v.apply === 'function'),
};

/**
 * One of a list of choices.
 *
 * @example
 * oneOf(['valid', 'same']).is('same') // → true
 */
export function oneOf<T extends string | boolean>(choices: readonly T[]): ConfigField<T> {
  return {
    expected: `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
    is: (v): v is T => choices.some((c) => c === v),
  };
}
