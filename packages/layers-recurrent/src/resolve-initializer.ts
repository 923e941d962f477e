import { type Initializer, type InitializerIdentifier, resolveInitializer } from '@tensorseq/layers-core';
import { orthogonal } from './orthogonal';

/**
 * An initializer as the recurrent layers accept it: a name (`'glorotUniform'`, `'orthogonal'`, `'zeros'`),
 * an {@link Initializer}, or the `{ className, config }` form that `getConfig()` produces.
 */
export type RecurrentInitializer = InitializerIdentifier | SerializedInitializer;

/** The JSON form of an initializer, as stored in a layer config. */
export interface SerializedInitializer {
  className: string;
  config: Record<string, unknown>;
}

/**
 * Resolves an initializer identifier, adding `orthogonal` to the ones layers-core knows.
 *
 * @example
 * resolveRecurrentInitializer('orthogonal', 'LSTM').className // → 'Orthogonal'
 */
export function resolveRecurrentInitializer(id: RecurrentInitializer, owner: string): Initializer {
  if (typeof id === 'string') return id === 'orthogonal' ? orthogonal() : resolveInitializer(id, owner);
  if ('apply' in id) return id;
  if (id.className === 'Orthogonal') return orthogonal(id.config as { gain?: number });
  const name = id.className.charAt(0).toLowerCase() + id.className.slice(1);
  return resolveInitializer(name, owner);
}

/**
 * The JSON form of an initializer identifier, for `getConfig()`.
 *
 * @example
 * serializeInitializer('zeros') // → 'zeros'
 */
export function serializeInitializer(id: RecurrentInitializer): string | SerializedInitializer {
  if (typeof id === 'string') return id;
  if ('apply' in id) return { className: id.className, config: id.getConfig() };
  return id;
}
