import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PluginList, PluginSettingsInput, PluginView } from '@weir/api/plugins';
import { useMe } from './auth.ts';
import { weir } from './weir.ts';

export type { PluginExtension, PluginList, PluginSettingsView, PluginView } from '@weir/api/plugins';

export const pluginsKey = ['plugins'] as const;
const settingsKey = (pluginId: string) => [...pluginsKey, pluginId, 'settings'] as const;

/** Every loaded plugin with its state, extensions and settings schema, and Weir's plugin API version. */
export function usePlugins() {
  return useQuery({ queryKey: pluginsKey, queryFn: () => weir.plugins.list() });
}

/**
 * Whether the logged-in user may turn plugins on and off and edit their settings: the server grants
 * `plugins:manage` to the admin role alone (server auth/permissions.ts), and the user carries only
 * its role.
 */
export function useCanManagePlugins(): boolean {
  return useMe().data?.role === 'admin';
}

/** A plugin's stored settings (secrets left out, only which are set); read while `enabled`. */
export function usePluginSettings(pluginId: string, enabled: boolean) {
  return useQuery({
    queryKey: settingsKey(pluginId),
    queryFn: () => weir.plugins.settings(pluginId),
    enabled,
  });
}

/**
 * What a plugin contributes reaches other views: topic presets come from plugins, and serdes decide
 * how records read. After a change those are read again.
 */
const invalidateContributions = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['topic-presets'] }),
    queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'cluster' && query.queryKey[2] === 'messages',
    }),
  ]);

/** Puts the plugin as the server now answers it in place of its row of the cached list. */
function replacePlugin(queryClient: QueryClient, plugin: PluginView): void {
  queryClient.setQueryData<PluginList>(
    pluginsKey,
    (list) => list && { ...list, plugins: list.plugins.map((p) => (p.id === plugin.id ? plugin : p)) },
  );
}

/** Turns a plugin off, or on again (which also retries a failed one). */
export function useSetPluginState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pluginId, enabled }: { pluginId: string; enabled: boolean }) =>
      weir.plugins.setState(pluginId, { enabled }),
    onSuccess: async ({ plugin }) => {
      replacePlugin(queryClient, plugin);
      await invalidateContributions(queryClient);
    },
  });
}

/**
 * Replaces a plugin's settings; the server checks them against its schema, keeps every secret left
 * out, and reloads the plugin, whose state (and reason) may change with them.
 */
export function useSavePluginSettings(pluginId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PluginSettingsInput) => weir.plugins.saveSettings(pluginId, input),
    onSuccess: async (view) => {
      queryClient.setQueryData(settingsKey(pluginId), view);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: pluginsKey, exact: true }),
        invalidateContributions(queryClient),
      ]);
    },
  });
}
