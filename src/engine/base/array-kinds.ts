// Empty JS arrays already in the elements kind they will hold. A plain `[]` starts as small integers
// and changes kind at its first push, so code optimized on one store's arrays met the next store's
// (the real parse after the warm-up) in another kind and was thrown away.

/** An empty array for objects or strings. */
export function emptyArrayOf<T extends object | string>(sample: T): T[] {
  const a = [sample];
  a.length = 0;
  return a;
}

/** An empty array for numbers that leave the small-integer range (RSS values, 32-bit hashes): doubles from the start. */
export function emptyNumberArray(): number[] {
  const a = [0.5];
  a.length = 0;
  return a;
}
