/** Types of `cli-bundle.mjs` (plain JavaScript, run by `bin/passage.js` before any TypeScript loader). */
export declare const BUNDLED: Record<string, Record<string, string>>
export declare function freshBundle(name: string, root?: string): string | undefined
export declare function buildBundle(name: string, root?: string): Promise<string>
// biome-ignore lint/suspicious/noExplicitAny: each bundle's `main` has its own signature
export declare function bundledMain(name: string | undefined, root?: string): Promise<any>
