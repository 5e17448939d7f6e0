/** Helpers for reading raw (not yet validated) scenario data. */
export type Loose = Record<string, unknown>;

export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
export const has = (o: Loose, key: string) => Object.prototype.hasOwnProperty.call(o, key);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
