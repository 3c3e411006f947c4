import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PluginSettingsView, type PluginView, useSavePluginSettings } from '../../api/plugins.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { schemaFormStrings } from './schema-form-strings.ts';
import { settingsToSave, settingsUiSchema } from './settings-form.ts';

type Settings = Record<string, unknown>;

/**
 * A plugin's settings as a form drawn from its JSON Schema (react-jsonschema-form, antd theme). The
 * server is the one validator: it checks against the schema with JSON Schema 2020-12 and answers
 * each problem, shown above the buttons. The form's own Ajv would compile each schema to code with
 * `new Function`, which the console's Content-Security-Policy (script-src 'self') refuses, and it
 * reads draft-07; so the form only draws fields and sends (`noValidate`).
 */
export function PluginSettingsForm({ plugin, stored }: { plugin: PluginView; stored: PluginSettingsView }) {
  const { t } = useTranslation();
  const schema = (plugin.settingsSchema ?? {}) as RJSFSchema;
  const save = useSavePluginSettings(plugin.id);
  const [formData, setFormData] = useState<Settings>(stored.settings);
  const uiSchema: UiSchema = settingsUiSchema(schema, stored.secretsSet, t('plugins.secretKept'));
  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      formData={formData}
      validator={validator}
      noValidate
      showErrorList={false}
      translateString={schemaFormStrings(t)}
      disabled={save.isPending}
      onChange={(change) => {
        setFormData(change.formData as Settings);
        if (save.isSuccess) save.reset();
      }}
      onSubmit={(submit) =>
        save.mutate(
          { settings: settingsToSave(schema, submit.formData as Settings) },
          // What was typed into a secret is now stored; the field empties, and its hint says it is set.
          { onSuccess: (view) => setFormData(view.settings) },
        )
      }
    >
      <ErrorAlert error={save.error} />
      {save.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          message={t('plugins.saved')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('plugins.saveSettings')}
      </Button>
    </Form>
  );
}
