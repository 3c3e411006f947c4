import type { PluginState, PluginView } from '@weir/api';
import {
  type ExtensionKind,
  PLUGIN_API_VERSION,
  type PluginContributions,
  type PluginManifest,
  type WeirPlugin,
} from '@weir/plugin-sdk';
import type { SettingsRepository } from '@weir/store';
import { ConflictError, NotFoundError } from '../errors.ts';
import { checkContributions, type Extension } from './contributions.ts';
import type { PluginCandidate } from './plugin-loader.ts';
import { checkManifest } from './plugin-manifest.ts';
import type { PluginSettings } from './plugin-settings.ts';

/** How long `activate` may take before the plugin is marked failed (ms). */
const ACTIVATE_TIMEOUT_MS = 10_000;

/** Thrown where a plugin's code threw or broke its contract; the plugin is already disabled. */
export class PluginFailedError extends Error {
  readonly pluginId: string;
  constructor(pluginId: string, reason: string) {
    super(`Plugin ${pluginId} failed and was disabled: ${reason}`);
    this.pluginId = pluginId;
  }
}

interface PluginEntry {
  id: string;
  candidate: PluginCandidate;
  plugin: WeirPlugin | null;
  manifest: PluginManifest | null;
  state: PluginState;
  reason: string | null;
  since: number | null;
  contributions: PluginContributions | null;
  extensions: Extension[];
}

/** One contributed extension, with the plugin that contributed it. */
export interface Contributed<T> {
  pluginId: string;
  extension: T;
}

type KindOf<K extends ExtensionKind> = NonNullable<PluginContributions[K]>[number];

export interface PluginLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Loads plugins, keeps each one's state, and hands out what the active ones contribute. Every call
 * into a plugin goes through {@link run}/{@link runSync}: a throw there disables that plugin with
 * the error as its reason, and Weir goes on without it. Plugins run in Weir's process, so a plugin
 * that blocks the event loop (an endless loop) cannot be stopped; docs/plugins.md says so.
 */
export class PluginHost {
  readonly #entries = new Map<string, PluginEntry>();
  readonly #order: string[] = [];
  readonly #settings: PluginSettings;
  readonly #state: SettingsRepository;
  readonly #log: PluginLogger;
  #generation = 0;

  constructor(deps: { settings: PluginSettings; state: SettingsRepository; log: PluginLogger }) {
    this.#settings = deps.settings;
    this.#state = deps.state;
    this.#log = deps.log;
  }

  /** Bumped on every change of what is active, so caches built on contributions know to rebuild. */
  get generation(): number {
    return this.#generation;
  }

  /** Imports and activates every candidate in order; a failing one is recorded, never thrown. */
  async load(candidates: PluginCandidate[]): Promise<void> {
    for (const candidate of candidates) await this.#load(candidate);
  }

  async #load(candidate: PluginCandidate): Promise<void> {
    const entry: PluginEntry = {
      id: candidate.location,
      candidate,
      plugin: null,
      manifest: null,
      state: 'refused',
      reason: null,
      since: Date.now(),
      contributions: null,
      extensions: [],
    };
    let loaded: unknown;
    try {
      loaded = ((await candidate.load()) as { default?: unknown }).default;
    } catch (error) {
      return this.#add(entry, 'failed', `it could not be imported: ${(error as Error).message}`);
    }
    if (typeof loaded !== 'object' || loaded === null)
      return this.#add(entry, 'refused', 'its module has no default export; export default a WeirPlugin.');
    const plugin = loaded as WeirPlugin;
    const checked = checkManifest(plugin.manifest);
    if ('problems' in checked) {
      // Named by the id it claims, when that is free, so the admin finds it by the name they know.
      const claimed = (plugin.manifest as { id?: unknown } | undefined)?.id;
      if (typeof claimed === 'string' && claimed && !this.#entries.has(claimed)) entry.id = claimed;
      return this.#add(entry, 'refused', checked.problems.join(' '));
    }
    entry.manifest = checked.manifest;
    entry.id = checked.manifest.id;
    if (this.#entries.has(entry.id)) {
      entry.id = `${checked.manifest.id} (${candidate.location})`;
      return this.#add(
        entry,
        'refused',
        `the plugin id ${checked.manifest.id} is already loaded; ids must be unique.`,
      );
    }
    if (typeof plugin.activate !== 'function')
      return this.#add(entry, 'refused', 'it has no activate function.');
    entry.plugin = plugin;
    this.#add(entry, 'disabled', null);
    const stored = await this.#state.get<{ enabled: boolean }>(`plugin-state:${entry.id}`);
    if (stored?.enabled === false) return this.#set(entry, 'disabled', 'turned off by an admin.');
    await this.#activate(entry);
  }

  #add(entry: PluginEntry, state: PluginState, reason: string | null): void {
    this.#entries.set(entry.id, entry);
    this.#order.push(entry.id);
    this.#set(entry, state, reason);
  }

  #set(entry: PluginEntry, state: PluginState, reason: string | null): void {
    entry.state = state;
    entry.reason = reason;
    entry.since = Date.now();
    if (state !== 'active') entry.contributions = null;
    this.#generation += 1;
    const fields = { plugin: entry.id, state, reason };
    if (state === 'failed' || state === 'refused') this.#log.warn(fields, 'plugin not active');
    else this.#log.info(fields, `plugin ${state}`);
  }

  async #activate(entry: PluginEntry): Promise<void> {
    const { plugin, manifest } = entry;
    if (!plugin || !manifest) return;
    let settings: Record<string, unknown>;
    try {
      settings = await this.#settings.read(entry.id, manifest.settingsSchema);
    } catch (error) {
      return this.#set(entry, 'failed', `${(error as Error).message} Fix them in the plugin's settings.`);
    }
    const log = {
      info: (message: string) => this.#log.info({ plugin: entry.id }, message),
      warn: (message: string) => this.#log.warn({ plugin: entry.id }, message),
      error: (message: string) => this.#log.error({ plugin: entry.id }, message),
    };
    let contributions: unknown;
    let timer: NodeJS.Timeout | undefined;
    try {
      contributions = await Promise.race([
        Promise.resolve().then(() => plugin.activate({ settings, log })),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`it did not finish within ${ACTIVATE_TIMEOUT_MS} ms`)),
            ACTIVATE_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      return this.#set(entry, 'failed', `activate threw: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    const checked = checkContributions(contributions, manifest.contributes);
    if ('problems' in checked)
      return this.#set(
        entry,
        'failed',
        `its contributions break the plugin API: ${checked.problems.join(' ')}`,
      );
    const taken = this.#takenIds(entry.id);
    const clash = checked.extensions.find((e) => taken.has(`${e.kind}:${e.id}`));
    if (clash)
      return this.#set(
        entry,
        'failed',
        `${clash.kind} "${clash.id}" is already contributed by ${taken.get(`${clash.kind}:${clash.id}`)}; ids must be unique.`,
      );
    entry.contributions = contributions as PluginContributions;
    entry.extensions = checked.extensions;
    this.#set(entry, 'active', null);
  }

  #takenIds(except: string): Map<string, string> {
    const taken = new Map<string, string>();
    for (const entry of this.#entries.values())
      if (entry.id !== except && entry.state === 'active')
        for (const e of entry.extensions) taken.set(`${e.kind}:${e.id}`, entry.id);
    return taken;
  }

  /** Every active plugin's extensions of one kind, in load order. */
  extensions<K extends ExtensionKind>(kind: K): Contributed<KindOf<K>>[] {
    const found: Contributed<KindOf<K>>[] = [];
    for (const id of this.#order) {
      const entry = this.#entries.get(id);
      if (entry?.state !== 'active') continue;
      for (const extension of (entry.contributions?.[kind] ?? []) as KindOf<K>[])
        found.push({ pluginId: entry.id, extension });
    }
    return found;
  }

  /** Why a plugin is not active, for a message about something it was to provide; null when active. */
  inactiveReason(pluginId: string): string | null {
    const entry = this.#entries.get(pluginId);
    if (!entry) return `plugin ${pluginId} is not loaded`;
    return entry.state === 'active'
      ? null
      : `plugin ${pluginId} is ${entry.state}: ${entry.reason ?? ''}`.trim();
  }

  /**
   * Calls into a plugin. A throw marks the plugin failed (its reason: `what` and the error) and is
   * rethrown as {@link PluginFailedError}; use it for calls whose throw means the plugin is broken.
   */
  async run<T>(pluginId: string, what: string, call: () => T | Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.fail(pluginId, `${what} threw: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  /** {@link run} for synchronous calls on hot paths. */
  runSync<T>(pluginId: string, what: string, call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw this.fail(pluginId, `${what} threw: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  /** Marks a plugin failed (it broke its contract); returns the error to throw. */
  fail(pluginId: string, reason: string): PluginFailedError {
    const entry = this.#entries.get(pluginId);
    if (entry && entry.state === 'active') this.#set(entry, 'failed', reason);
    return new PluginFailedError(pluginId, reason);
  }

  list(): PluginView[] {
    return this.#order.map((id) => this.view(id));
  }

  /** @throws NotFoundError for an id no plugin has. */
  view(pluginId: string): PluginView {
    const entry = this.#entry(pluginId);
    const manifest = entry.manifest;
    return {
      id: entry.id,
      name: manifest?.name ?? entry.candidate.location,
      version: manifest?.version ?? null,
      apiVersion: manifest?.apiVersion ?? null,
      description: manifest?.description ?? '',
      source: entry.candidate.source,
      location: entry.candidate.location,
      state: entry.state,
      reason: entry.reason,
      since: entry.since,
      permissions: manifest?.permissions ?? [],
      extensions: entry.state === 'active' ? entry.extensions : [],
      settingsSchema: (manifest?.settingsSchema as Record<string, unknown> | undefined) ?? null,
    };
  }

  get apiVersion(): string {
    return PLUGIN_API_VERSION;
  }

  /** @throws NotFoundError; ConflictError for a refused plugin, whose code never ran. */
  async settingsView(pluginId: string) {
    const entry = this.#loadable(pluginId);
    return this.#settings.view(entry.id, entry.manifest?.settingsSchema);
  }

  /**
   * Validates and stores a plugin's settings, then activates it again with them (if it is on).
   * @throws InputError with each problem; NotFoundError; ConflictError for a refused plugin.
   */
  async saveSettings(pluginId: string, settings: Record<string, unknown>) {
    const entry = this.#loadable(pluginId);
    await this.#settings.save(entry.id, entry.manifest?.settingsSchema, settings);
    if (entry.state === 'active' || entry.state === 'failed') {
      this.#set(entry, 'disabled', 'reloading its settings');
      await this.#activate(entry);
    }
    return this.#settings.view(entry.id, entry.manifest?.settingsSchema);
  }

  /** Turns a plugin off, or on again (which retries a failed one); remembered across restarts. */
  async setEnabled(pluginId: string, enabled: boolean): Promise<PluginView> {
    const entry = this.#loadable(pluginId);
    await this.#state.set(`plugin-state:${entry.id}`, { enabled }, Date.now());
    if (!enabled) this.#set(entry, 'disabled', 'turned off by an admin.');
    else if (entry.state !== 'active') await this.#activate(entry);
    return this.view(entry.id);
  }

  #entry(pluginId: string): PluginEntry {
    const entry = this.#entries.get(pluginId);
    if (!entry) throw new NotFoundError(`No plugin "${pluginId}" is loaded; GET /api/v1/plugins lists them.`);
    return entry;
  }

  #loadable(pluginId: string): PluginEntry {
    const entry = this.#entry(pluginId);
    if (!entry.plugin)
      throw new ConflictError(
        `Plugin ${pluginId} was ${entry.state} at load (${entry.reason}); fix it and restart Weir.`,
      );
    return entry;
  }
}
