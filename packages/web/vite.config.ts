import { defineConfig } from 'vite';

export default defineConfig({
  // The server swaps this for a fresh nonce on each page load and allows only that nonce in the CSP's
  // style-src (packages/server/src/console/console.routes.ts); antd reads it from <meta property=csp-nonce>.
  html: { cspNonce: '__WEIR_CSP_NONCE__' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    // antd is one ~310 KB gzip chunk; the budget that matters is initial JS under 500 KB gzip (README).
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; irrelevant in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Vendor code changes less often than ours: separate chunks stay cached across releases. Only
        // what the console loads at start goes there ($initial): a library that only a lazy part
        // imports (the plugin settings form, with antd widgets of its own) stays in that part's chunk,
        // out of the initial load's budget.
        codeSplitting: {
          groups: [
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|rc-)/,
              tags: ['$initial'],
              priority: 1,
            },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
