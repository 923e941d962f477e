/**
 * Renders a received value for an error message: strings quoted, arrays and objects abbreviated, so a
 * hostile or huge input never floods the message.
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return `[${typeof value}]`;
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value !== null && typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `[${name}]` : '[object]';
  }
  return String(value);
}
