/** Own property names of the built-in prototypes a JSON payload could try to pollute. */
const targets = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype, Number: Number.prototype };

export type PrototypeSnapshot = Record<string, string[]>;

export function prototypeSnapshot(): PrototypeSnapshot {
  return Object.fromEntries(Object.entries(targets).map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort()]));
}

/**
 * What changed on the built-in prototypes since `before` (empty when nothing), plus the classic
 * probes: `({}).polluted`, `({}).isAdmin` and an object's `constructor` and `toString`.
 */
export function pollutionSince(before: PrototypeSnapshot): string[] {
  const found: string[] = [];
  const now = prototypeSnapshot();
  for (const [name, keys] of Object.entries(now)) {
    const old = new Set(before[name]);
    for (const key of keys) if (!old.has(key)) found.push(`${name}.prototype.${key} added`);
  }
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'x', 'name', 'intervals', 'contactTypes', 'staff']) {
    if (probe[key] !== undefined) found.push(`({}).${key} is ${String(probe[key])}`);
  }
  if (probe.constructor !== Object) found.push('({}).constructor is not Object');
  if (Object.prototype.toString.call([]) !== '[object Array]') found.push('Object.prototype.toString changed');
  if (Object.getPrototypeOf(probe) !== Object.prototype) found.push('prototype of {} changed');
  return found;
}
