// Small helpers for values that came out of JSON.parse.

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "a number (3)", "a list", "nothing (null)": for messages. */
export function describeJsonType(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 30 ? value.slice(0, 27) + '...' : value)}`
    case 'number':
      return `the number ${value}`
    case 'boolean':
      return `${value}`
    case 'object':
      return 'an object'
    default:
      return `a ${typeof value}`
  }
}

/**
 * Sets an own, enumerable field. Unlike `obj[key] = v`, a key named "__proto__"
 * becomes an ordinary field instead of replacing the object's prototype.
 */
export function defineField(target: object, key: string, value: unknown): void {
  // Only "__proto__" is special for plain assignment; the fast path covers the rest.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else (target as Record<string, unknown>)[key] = value
}
