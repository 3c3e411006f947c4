// `npm run bench -- <name>`: runs one benchmark from bench/, or lists them.
const benches: Record<string, string> = {
  footprint: './footprint.bench.ts',
  metadata: './metadata.bench.ts',
  scan: './scan.bench.ts',
  serdes: './serdes.bench.ts',
};

const name = process.argv[2];
const path = name ? benches[name] : undefined;
if (!path) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(name ? 2 : 0);
}
await import(path);
