import manifest from '../package.json' with { type: 'json' };

/**
 * Weir's version (`0.1.0`), the one place it is kept: this package's `package.json`, since the HTTP
 * contract and the product are released together. The server reports it (logs, OpenAPI `info`), and
 * `weir version` prints it.
 */
export const WEIR_VERSION: string = manifest.version;
