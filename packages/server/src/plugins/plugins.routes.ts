import { type Static, Type } from '@sinclair/typebox';
import {
  PluginList,
  PluginParams,
  PluginReply,
  PluginSettingsInput,
  PluginSettingsView,
  PluginStateInput,
  routes,
} from '@weir/api';
import type { FastifyInstance } from 'fastify';
import type { AuditService } from '../audit/audit.service.ts';
import { actorOf } from '../changes/actor.ts';
import { problemResponses } from '../http/schemas.ts';
import type { PluginHost } from './plugin-host.ts';

const tags = ['plugins'];
const missing = { 404: Type.Ref('Problem'), 409: Type.Ref('Problem') };
type Params = Static<typeof PluginParams>;
type Deps = { host: PluginHost; audit: AuditService };

/** Plugins: the list with state and extensions, one plugin, its settings, on and off. */
export function pluginsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get(
    routes.plugins.list,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Loaded plugins: version, state (and why), permissions, contributed extensions',
        response: { 200: PluginList, ...problemResponses },
      },
    },
    async () => ({ apiVersion: deps.host.apiVersion, plugins: deps.host.list() }),
  );
  app.get<{ Params: Params }>(
    routes.plugins.one,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'One plugin',
        params: PluginParams,
        response: { 200: PluginReply, ...problemResponses, ...missing },
      },
    },
    async (request) => ({ plugin: deps.host.view(request.params.pluginId) }),
  );
  app.get<{ Params: Params }>(
    routes.plugins.settings,
    {
      config: { access: 'plugins:manage' },
      schema: {
        tags,
        summary: "A plugin's settings; secrets are never returned, only whether they are set",
        params: PluginParams,
        response: { 200: PluginSettingsView, ...problemResponses, ...missing },
      },
    },
    async (request) => deps.host.settingsView(request.params.pluginId),
  );
  app.put<{ Params: Params; Body: PluginSettingsInput }>(
    routes.plugins.settings,
    {
      config: { access: 'plugins:manage' },
      schema: {
        tags,
        summary:
          "Replaces a plugin's settings (checked against its schema; a secret left out keeps its value) and reloads it",
        params: PluginParams,
        body: PluginSettingsInput,
        response: { 200: PluginSettingsView, ...problemResponses, ...missing },
      },
    },
    async (request) => {
      const { pluginId } = request.params;
      const view = await deps.host.saveSettings(pluginId, request.body.settings);
      await deps.audit.record(actorOf(request), {
        action: 'plugin.settings.update',
        targetType: 'plugin',
        target: pluginId,
        // Secrets are left out: only which ones are set is recorded.
        after: view,
        result: 'success',
      });
      return view;
    },
  );
  app.put<{ Params: Params; Body: PluginStateInput }>(
    routes.plugins.state,
    {
      config: { access: 'plugins:manage' },
      schema: {
        tags,
        summary: 'Turns a plugin off, or on again (which retries a failed one); remembered across restarts',
        params: PluginParams,
        body: PluginStateInput,
        response: { 200: PluginReply, ...problemResponses, ...missing },
      },
    },
    async (request) => {
      const { pluginId } = request.params;
      const plugin = await deps.host.setEnabled(pluginId, request.body.enabled);
      await deps.audit.record(actorOf(request), {
        action: request.body.enabled ? 'plugin.enable' : 'plugin.disable',
        targetType: 'plugin',
        target: pluginId,
        after: { state: plugin.state, reason: plugin.reason },
        result: 'success',
      });
      return { plugin };
    },
  );
}
