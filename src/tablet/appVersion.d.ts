/** The package version, injected by vite's `define` (vite.config.ts) so tablets can report what they run. */
declare const __APP_VERSION__: string | undefined;
