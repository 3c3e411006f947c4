import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { PluginExtension, PluginView } from '../../api/plugins.ts';

/**
 * The DOM id of a part of a plugin's row. A row's buttons are named by their word and the plugin's
 * name (`aria-labelledby`), so a screen reader says which plugin "Disable" turns off; plugin ids may
 * hold spaces, which an id list cannot.
 */
export const pluginDomId = (plugin: PluginView, part: string): string =>
  `plugin-${encodeURIComponent(plugin.id)}-${part}`;

const STATE_COLORS: Record<PluginView['state'], string> = {
  active: 'green',
  failed: 'red',
  refused: 'orange',
  disabled: 'default',
};

/** The plugin's state as a tag, and beside it why it is failed, refused or disabled. */
function PluginState({ plugin, t }: { plugin: PluginView; t: TFunction }) {
  return (
    <Space size={4} wrap data-testid="plugin-state">
      <Tag color={STATE_COLORS[plugin.state]}>{t(`plugins.states.${plugin.state}`)}</Tag>
      {plugin.reason !== null && <Typography.Text type="secondary">{plugin.reason}</Typography.Text>}
    </Space>
  );
}

/** Where the plugin came from: built in, an npm package or a folder, and which. */
function PluginSource({ plugin, t }: { plugin: PluginView; t: TFunction }) {
  return (
    <Space direction="vertical" size={2}>
      <Tag>{t(`plugins.sources.${plugin.source}`)}</Tag>
      <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
        {plugin.location}
      </Typography.Text>
    </Space>
  );
}

/** What the plugin contributes, one line per extension point: "Serdes: Raw, String (UTF-8), JSON". */
function Extensions({ extensions, t }: { extensions: PluginExtension[]; t: TFunction }) {
  if (extensions.length === 0) return <Typography.Text type="secondary">–</Typography.Text>;
  const titlesByKind = Map.groupBy(extensions, (extension) => extension.kind);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid="plugin-extensions">
      {[...titlesByKind].map(([kind, ofKind]) => (
        <li key={kind}>
          {`${t(`plugins.kinds.${kind}`, { defaultValue: kind })}: ${ofKind.map((e) => e.title).join(', ')}`}
        </li>
      ))}
    </ul>
  );
}

/** The plugins table's columns; `actions` renders a row's buttons, for the users who may use them. */
export function pluginColumns(
  t: TFunction,
  actions?: (plugin: PluginView) => ReactNode,
): ColumnsType<PluginView> {
  const columns: ColumnsType<PluginView> = [
    {
      title: t('plugins.name'),
      width: 260,
      render: (_, plugin) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong id={pluginDomId(plugin, 'name')}>
            {plugin.name}
          </Typography.Text>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {plugin.id}
          </Typography.Text>
          {plugin.description && <Typography.Text type="secondary">{plugin.description}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('plugins.version'),
      width: 80,
      render: (_, plugin) => plugin.version ?? '–',
    },
    { title: t('plugins.source'), width: 160, render: (_, plugin) => <PluginSource plugin={plugin} t={t} /> },
    { title: t('plugins.state'), width: 180, render: (_, plugin) => <PluginState plugin={plugin} t={t} /> },
    {
      title: t('plugins.extensions'),
      dataIndex: 'extensions',
      width: 320,
      render: (extensions: PluginExtension[]) => <Extensions extensions={extensions} t={t} />,
    },
    {
      title: t('plugins.permissions'),
      dataIndex: 'permissions',
      width: 140,
      render: (permissions: string[]) =>
        permissions.length === 0 ? '–' : permissions.map((name) => <Tag key={name}>{name}</Tag>),
    },
  ];
  return actions
    ? [
        ...columns,
        { title: t('plugins.actions'), fixed: 'right', width: 170, render: (_, plugin) => actions(plugin) },
      ]
    : columns;
}
