import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCreateTopic, useTopicPresets } from '../../../api/topics.ts';
import { errorText } from '../../../api/weir.ts';
import { routePathName } from '../../../route-names.ts';

interface FormValues {
  name: string;
  partitions: number;
  replicationFactor: number;
  preset: string;
  configs?: { name: string; value: string }[];
}

/** Create a topic: presets fill configs, "Validate" asks the controller (validate-only) before creating. */
export function CreateTopicDialog({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const presets = useTopicPresets();
  const create = useCreateTopic(clusterId);
  const navigate = useNavigate();
  const body = (values: FormValues, validateOnly: boolean) => {
    const preset = presets.data?.presets.find((p) => p.id === values.preset)?.configs ?? {};
    const extra = Object.fromEntries(
      (values.configs ?? []).filter((c) => c?.name).map((c) => [c.name, c.value]),
    );
    return {
      name: values.name,
      partitions: values.partitions,
      replicationFactor: values.replicationFactor,
      configs: { ...preset, ...extra },
      validateOnly,
    };
  };
  const submit = async (validateOnly: boolean) => {
    const values = await form.validateFields();
    create.mutate(body(values, validateOnly), {
      onSuccess: (created) => {
        if (created.validateOnly) return;
        setOpen(false);
        navigate(`/clusters/${clusterId}/topics/${routePathName(created.name)}`);
      },
    });
  };
  // Only the button that was pressed shows that it is working; the other waits, disabled.
  const validating = create.isPending && create.variables?.validateOnly === true;
  const creating = create.isPending && create.variables?.validateOnly === false;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('create.button')}
      </Button>
      <Modal
        open={open}
        title={t('create.title')}
        onCancel={() => setOpen(false)}
        width={600}
        destroyOnHidden
        footer={[
          <Button key="validate" onClick={() => void submit(true)} loading={validating} disabled={creating}>
            {t('create.validate')}
          </Button>,
          <Button
            key="create"
            type="primary"
            onClick={() => void submit(false)}
            loading={creating}
            disabled={validating}
          >
            {t('create.submit')}
          </Button>,
        ]}
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ partitions: 3, replicationFactor: 1, preset: 'default' }}
          // An edit makes the last answer stale; a request still running keeps its outcome.
          onValuesChange={() => {
            if (!create.isPending) create.reset();
          }}
        >
          <Form.Item
            name="name"
            label={t('create.name')}
            rules={[{ required: true, message: t('create.nameRequired') }]}
            help={t('create.nameHelp')}
          >
            <Input aria-label={t('create.name')} autoFocus />
          </Form.Item>
          <Space>
            <Form.Item name="partitions" label={t('topics.partitions')}>
              <InputNumber min={1} max={100000} aria-label={t('topics.partitions')} />
            </Form.Item>
            <Form.Item name="replicationFactor" label={t('topics.rf')}>
              <InputNumber min={1} max={32} aria-label={t('topics.rf')} />
            </Form.Item>
            <Form.Item name="preset" label={t('create.preset')}>
              <Select
                style={{ width: 280 }}
                options={presets.data?.presets.map((p) => ({
                  value: p.id,
                  // A preset the console has no translation for shows the server's English label.
                  label: t(`create.preset.${p.id}`, { defaultValue: p.label }),
                }))}
              />
            </Form.Item>
          </Space>
          <Form.List name="configs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']}>
                      <Input placeholder="retention.ms" aria-label={t('create.configName')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'value']}>
                      <Input placeholder="86400000" aria-label={t('create.configValue')} />
                    </Form.Item>
                    <Button
                      type="text"
                      aria-label={t('create.removeConfig')}
                      onClick={() => remove(field.name)}
                    >
                      ×
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ name: '', value: '' })}
                  icon={<PlusOutlined aria-hidden />}
                >
                  {t('create.addConfig')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
        {create.data?.validateOnly && (
          <Alert type="success" showIcon message={t('create.valid')} style={{ marginTop: 12 }} />
        )}
        {create.data?.warnings?.map((warning) => (
          <Alert
            key={warning}
            type="warning"
            showIcon
            message={t('create.nameWarning')}
            description={warning}
            style={{ marginTop: 12 }}
          />
        ))}
        {create.error && (
          <Alert type="error" showIcon message={errorText(create.error)} style={{ marginTop: 12 }} />
        )}
      </Modal>
    </>
  );
}
