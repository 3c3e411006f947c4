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
        // Vendor code changes less often than ours: separate chunks stay cached across releases.
        manualChunks(id: string) {
          if (
            id.includes('node_modules/antd') ||
            id.includes('node_modules/@ant-design') ||
            id.includes('node_modules/rc-')
          ) {
            return 'antd';
          }
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
