/** See server-build.mjs. */
export declare const SERVER_ENTRY: string
export declare function serverIsCurrent(): boolean
export declare function buildServer(): Promise<void>
export declare function ensureServerBuilt(): Promise<void>
export declare const BUNDLED_PACKAGES: readonly string[]
