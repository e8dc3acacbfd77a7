/** Freezes an object and everything it holds, so a shared value cannot be changed by a reader. */
export function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child as object)
  }
  return Object.freeze(value)
}
