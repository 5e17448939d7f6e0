// Argument checks shared by the analytic formulas: a bad input is a caller bug, so RangeError.

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** Throws unless `value` is a finite number >= 0. */
export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Throws unless `value` is an integer >= `min`. */
export function requireInteger(name: string, value: number, min: number): void {
  if (!(Number.isSafeInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}
