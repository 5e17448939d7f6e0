/** See sourceBundle.mjs: a checkout's sources bundled for plain node; resolves to the bundle's file URL. */
export function sourceBundle(entry: string, name: string): Promise<string>;
/** See sourceBundle.mjs: the packages a checkout's bundles import rather than carry (each name and `name/*`). */
export function externalPackages(): string[];
