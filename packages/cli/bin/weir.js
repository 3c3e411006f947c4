#!/usr/bin/env node
// Plain JavaScript on purpose: it turns on Node's compile cache before any TypeScript is loaded, so a
// warm start reuses the stripped and compiled modules and never loads the type-stripping transpiler
// (measured: ~25 MB less resident memory, faster start). See docs/operations.md.
import module from 'node:module';

module.enableCompileCache?.();
await import('../src/main.ts');
