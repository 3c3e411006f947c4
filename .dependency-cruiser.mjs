// Dependency rules between Weir's workspace packages (docs/architecture.md, "Dependency rules").
// `npm run check:deps` applies them; the known violations in .dependency-cruiser-known-violations.json
// are tolerated until removed, any other breach fails the check.
import { readdirSync, readFileSync } from 'node:fs';

const packages = readdirSync('packages', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const manifest = JSON.parse(readFileSync(`packages/${entry.name}/package.json`, 'utf8'));
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
      .filter((name) => name.startsWith('@weir/'))
      .map((name) => name.slice('@weir/'.length));
    return { folder: entry.name, declared };
  });

// Test code may use the testkit and devDependencies; shipped code may not.
const TEST_FILES = ['\\.test\\.tsx?$', '^packages/[^/]+/(test|e2e)/'];

/** A workspace package imported without being named in the importer's package.json. */
const undeclaredWorkspacePackages = packages.map(({ folder, declared }) => ({
  name: `undeclared-workspace-package-${folder}`,
  comment: `packages/${folder} imports a workspace package its package.json does not declare: add it there.`,
  severity: 'error',
  from: { path: `^packages/${folder}/` },
  to: { path: '^packages/', pathNot: `^packages/(${[folder, ...declared].join('|')})/` },
}));

export default {
  forbidden: [
    {
      name: 'ui-not-server',
      comment:
        'The console and the CLI talk to the server over HTTP through @weir/api, not through its code.',
      severity: 'error',
      from: { path: '^packages/(cli|web)/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'ui-apart',
      comment: 'The console and the CLI do not import each other.',
      severity: 'error',
      from: { path: '^packages/(cli|web)/' },
      to: { path: '^packages/(cli|web)/', pathNot: '^packages/$1/' },
    },
    {
      name: 'launcher-on-top',
      comment: 'Nothing imports the weir launcher (packages/weir): it is the executable, at the top.',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/weir/' },
      to: { path: '^packages/weir/' },
    },
    {
      name: 'launcher-thin',
      comment: 'The weir launcher only dispatches: to the server (serve) and to the CLI (the rest).',
      severity: 'error',
      from: { path: '^packages/weir/' },
      to: { path: '^packages/', pathNot: '^packages/(weir|cli|server)/' },
    },
    {
      name: 'server-not-ui',
      comment: 'The server does not import the console or the CLI.',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/(cli|web)/' },
    },
    {
      name: 'leaf-packages-standalone',
      comment:
        'kafka, store, the api contract and the plugin SDK are leaves: they import no other workspace package.',
      severity: 'error',
      from: { path: '^packages/(kafka|store|api|plugin-sdk)/' },
      to: { path: '^packages/', pathNot: '^packages/$1/' },
    },
    {
      name: 'testkit-below-server',
      comment: 'The testkit may use kafka, store and api, never what it tests (server, cli, web).',
      severity: 'error',
      from: { path: '^packages/testkit/' },
      to: { path: '^packages/(server|cli|web)/' },
    },
    {
      name: 'no-testkit-in-src',
      comment:
        'Only tests (packages/*/test, *.test.ts, e2e/) import the testkit; shipped code in src/ does not.',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/', pathNot: ['^packages/testkit/', ...TEST_FILES] },
      to: { path: '^packages/testkit/' },
    },
    {
      // The layering above (weir > cli, server; web, cli > api; server > testkit > kafka, store, api) already keeps the package
      // graph acyclic; this names the cycle when one runs through files of more than one package.
      name: 'no-cycle-between-packages',
      comment: 'An import cycle that runs through more than one workspace package.',
      severity: 'error',
      from: { path: '^packages/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^packages/$1/' } },
    },
    {
      name: 'plugins-on-the-sdk',
      comment: "Weir's own plugins (packages/serdes) are written as anyone's: against the plugin SDK alone.",
      severity: 'error',
      from: { path: '^packages/serdes/' },
      to: { path: '^packages/', pathNot: '^packages/(serdes|plugin-sdk)/' },
    },
    ...undeclaredWorkspacePackages,
    {
      name: 'no-non-package-json',
      comment: "An npm package imported but not declared in the importing package's own package.json.",
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'Shipped code in src/ imports a devDependency at run time: move it to dependencies.',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/', pathNot: TEST_FILES },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API for dependency-cruiser; swc parses .ts and .tsx instead.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/' },
    // Resolve as Node does for Weir: `.ts` import extensions, workspace packages through their `exports`.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    // The importing file's own package.json decides what is declared, not the root's.
    combinedDependencies: false,
    progress: { type: 'none' },
  },
};
