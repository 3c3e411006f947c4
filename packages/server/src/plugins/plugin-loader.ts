import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where a plugin came from, and how to import its module. */
export interface PluginCandidate {
  source: 'built-in' | 'package' | 'directory';
  /** The package name, or the directory. */
  location: string;
  load(): Promise<unknown>;
}

/**
 * The plugins named in config: npm packages (`WEIR_PLUGINS`, resolved as Node resolves them from
 * `cwd`, so a package installed beside Weir is found), then each folder of the plugins directory
 * (`WEIR_PLUGINS_DIR`) holding a package.json whose `exports["."]` or `main` names the module,
 * or an index.js / index.ts. Nothing is imported yet: `load` does that, so one plugin's failure to
 * import is that plugin's failure alone.
 */
export function discoverPlugins(options: {
  packages: string[];
  directory: string | null;
  cwd: string;
}): PluginCandidate[] {
  const requireFromCwd = createRequire(join(resolve(options.cwd), 'package.json'));
  const candidates: PluginCandidate[] = options.packages.map((name) => ({
    source: 'package',
    location: name,
    load: async () => {
      let path: string;
      try {
        path = requireFromCwd.resolve(name);
      } catch {
        throw new Error(
          `the package "${name}" is not installed where Weir runs (${options.cwd}); install it there with npm install ${name}.`,
        );
      }
      return import(pathToFileURL(path).href);
    },
  }));
  const directory = options.directory;
  if (directory && existsSync(directory)) {
    for (const entry of readdirSync(directory).sort()) {
      const folder = join(directory, entry);
      if (!statSync(folder).isDirectory()) continue;
      candidates.push({
        source: 'directory',
        location: folder,
        load: async () => import(pathToFileURL(entryModule(folder)).href),
      });
    }
  }
  return candidates;
}

/** @throws Error saying what the folder lacks, when it names no module. */
function entryModule(folder: string): string {
  const manifestPath = join(folder, 'package.json');
  if (existsSync(manifestPath)) {
    const pkg = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      exports?: string | Record<string, unknown>;
      main?: string;
    };
    const exported =
      typeof pkg.exports === 'string'
        ? pkg.exports
        : typeof pkg.exports?.['.'] === 'string'
          ? (pkg.exports['.'] as string)
          : undefined;
    const named = exported ?? pkg.main;
    if (named) return join(folder, named);
  }
  for (const name of ['index.js', 'index.ts', 'src/index.js', 'src/index.ts'])
    if (existsSync(join(folder, name))) return join(folder, name);
  throw new Error(
    `the folder names no module: give its package.json an "exports" or "main", or add an index.js or index.ts.`,
  );
}
