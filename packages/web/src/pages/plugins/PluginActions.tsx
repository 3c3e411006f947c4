import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PluginView, useSetPluginState } from '../../api/plugins.ts';
import { pluginDomId } from './plugin-columns.tsx';

interface PluginActionsProps {
  plugin: PluginView;
  setState: ReturnType<typeof useSetPluginState>;
  onSettings: (plugin: PluginView) => void;
}

/**
 * A row's buttons: turn the plugin off (after a confirmation: what it contributes goes with it) or
 * on again, which also retries a failed one; and its settings, when it has a schema for them. A
 * refused plugin has neither switch: none of its code was accepted, so there is nothing to run.
 */
export function PluginActions({ plugin, setState, onSettings }: PluginActionsProps) {
  const { t } = useTranslation();
  const busy = setState.isPending && setState.variables?.pluginId === plugin.id;
  // Each button says its word and then the plugin's name ("Disable Weir built-ins").
  const named = (part: string) => ({
    id: pluginDomId(plugin, part),
    'aria-labelledby': `${pluginDomId(plugin, part)} ${pluginDomId(plugin, 'name')}`,
  });
  return (
    <Space wrap>
      {plugin.state === 'active' && (
        <Popconfirm
          title={t('plugins.disableConfirm', { name: plugin.name })}
          okText={t('plugins.disable')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => setState.mutateAsync({ pluginId: plugin.id, enabled: false })}
        >
          <Button size="small" loading={busy} {...named('disable')}>
            {t('plugins.disable')}
          </Button>
        </Popconfirm>
      )}
      {(plugin.state === 'disabled' || plugin.state === 'failed') && (
        <Button
          size="small"
          type="primary"
          loading={busy}
          {...named('enable')}
          onClick={() => setState.mutate({ pluginId: plugin.id, enabled: true })}
        >
          {t('plugins.enable')}
        </Button>
      )}
      {plugin.settingsSchema !== null && (
        <Button size="small" {...named('settings')} onClick={() => onSettings(plugin)}>
          {t('plugins.settings')}
        </Button>
      )}
    </Space>
  );
}
