// Declares the module build.mjs generates (app-script.js, not committed), so the Worker type-checks without it.

/** The /react page's script: the React app, bundled and minified. */
export declare const APP_SCRIPT: string;
/** Where the Worker serves it: `/react/app-<first 16 hex digits of its SHA-256>.js`, so it can be cached for good. */
export declare const APP_SCRIPT_PATH: string;
/** Its Subresource Integrity hash (`sha384-…`), for the page's `<script integrity>`. */
export declare const APP_SCRIPT_INTEGRITY: string;
