/** See sourceBundle.mjs: a checkout's sources bundled for plain node; resolves to the bundle's file URL. */
export function sourceBundle(entry: string, name: string): Promise<string>;
