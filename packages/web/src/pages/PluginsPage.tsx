import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PluginView, useCanManagePlugins, usePlugins, useSetPluginState } from '../api/plugins.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { PluginActions } from './plugins/PluginActions.tsx';
import { PluginSettingsDrawer } from './plugins/PluginSettingsDrawer.tsx';
import { pluginColumns } from './plugins/plugin-columns.tsx';

/**
 * The loaded plugins: where each came from, its state and why, what it contributes and asks for.
 * An admin turns plugins off and on and edits their settings; everyone else reads.
 */
export function PluginsPage() {
  const { t } = useTranslation();
  usePageTitle(t('plugins.title'));
  const plugins = usePlugins();
  const canManage = useCanManagePlugins();
  const setState = useSetPluginState();
  const [editing, setEditing] = useState<PluginView | null>(null);
  const actions = canManage
    ? (plugin: PluginView) => <PluginActions plugin={plugin} setState={setState} onSettings={setEditing} />
    : undefined;

  return (
    <>
      <PageHeading>{t('plugins.title')}</PageHeading>
      <Typography.Paragraph type="secondary" data-testid="plugin-api-version">
        {plugins.data && t('plugins.apiVersion', { version: plugins.data.apiVersion })}
        {!canManage && ` ${t('plugins.readOnly')}`}
      </Typography.Paragraph>
      <ErrorAlert error={plugins.error ?? setState.error} />
      <Table<PluginView>
        rowKey="id"
        size="small"
        loading={plugins.isPending}
        dataSource={plugins.data?.plugins ?? []}
        pagination={false}
        locale={{ emptyText: t('plugins.empty') }}
        // Below this width the table scrolls sideways, the actions staying in view at its right edge.
        scroll={{ x: 1310 }}
        columns={pluginColumns(t, actions)}
      />
      <PluginSettingsDrawer plugin={editing} onClose={() => setEditing(null)} />
    </>
  );
}
