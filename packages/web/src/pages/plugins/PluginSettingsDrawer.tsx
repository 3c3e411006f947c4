import { Drawer, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type PluginView, usePluginSettings } from '../../api/plugins.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

// The form library and its validator are loaded with the first drawer opened, not with the console.
const PluginSettingsForm = lazy(() =>
  import('./PluginSettingsForm.tsx').then((module) => ({ default: module.PluginSettingsForm })),
);

/** A plugin's settings, read when the drawer opens, edited in a form drawn from its schema. */
export function PluginSettingsDrawer({
  plugin,
  onClose,
}: {
  plugin: PluginView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const settings = usePluginSettings(plugin?.id ?? '', plugin !== null);
  const loading = <Spin aria-label={t('common.loading')} />;
  return (
    <Drawer
      open={plugin !== null}
      onClose={onClose}
      title={plugin && t('plugins.settingsTitle', { name: plugin.name })}
      width={560}
      destroyOnHidden
    >
      {plugin && (
        <>
          <Typography.Paragraph type="secondary">{t('plugins.settingsExplain')}</Typography.Paragraph>
          <ErrorAlert error={settings.error} />
          {settings.data ? (
            <Suspense fallback={loading}>
              <PluginSettingsForm plugin={plugin} stored={settings.data} />
            </Suspense>
          ) : (
            settings.isPending && loading
          )}
        </>
      )}
    </Drawer>
  );
}
