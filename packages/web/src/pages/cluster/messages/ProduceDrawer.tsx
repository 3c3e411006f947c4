import { MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProduceRequest, useProduce } from '../../../api/messages.ts';
import { type ResolvedSerde, useTopicSerdes } from '../../../api/serdes.ts';
import { errorText } from '../../../api/weir.ts';
import { encodingSerde, type ProduceFormValues, toProduceRequest } from './produce-request.ts';

/** Produce one record from the form, or a batch from an NDJSON file (one record object per line). */
export function ProduceDrawer({
  clusterId,
  topic,
  partitions,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [batch, setBatch] = useState<ProduceRequest['messages'] | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [form] = Form.useForm<ProduceFormValues>();
  const produce = useProduce(clusterId, topic);
  const serdeLabel = (serde: ResolvedSerde) =>
    t('produce.withSerde', { serde: serde.serde, schema: serde.messageType ?? serde.schema ?? '' });
  const serdes = useTopicSerdes(clusterId, topic).data;
  const valueSerde = encodingSerde(serdes?.value);
  const keySerde = encodingSerde(serdes?.key);

  const readFile = async (file: File) => {
    setFileError(null);
    try {
      const lines = (await file.text()).split('\n').filter((line) => line.trim());
      setBatch(
        lines.map((line, index) => {
          try {
            return JSON.parse(line) as ProduceRequest['messages'][number];
          } catch {
            throw new Error(t('produce.badLine', { line: index + 1 }));
          }
        }),
      );
    } catch (error) {
      setBatch(null);
      setFileError((error as Error).message);
    }
    return false;
  };
  const submit = (values: ProduceFormValues) =>
    produce.mutate(toProduceRequest(values, batch, { key: keySerde, value: valueSerde }));

  return (
    <>
      <Button icon={<SendOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('produce.button')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('produce.title', { topic })}
        width={520}
        destroyOnHidden
      >
        <Form<ProduceFormValues>
          form={form}
          layout="vertical"
          initialValues={{
            keyEncoding: keySerde ? 'serde' : 'text',
            valueEncoding: valueSerde ? 'serde' : 'text',
            compression: 'none',
          }}
          onFinish={submit}
        >
          <Form.Item name="key" label={t('msg.key')}>
            <Input aria-label={t('msg.key')} disabled={batch !== null} />
          </Form.Item>
          {keySerde && (
            <Form.Item name="keyEncoding" label={t('produce.keyEncoding')}>
              <Select
                style={{ width: 220 }}
                options={[
                  { value: 'serde', label: serdeLabel(keySerde) },
                  { value: 'text', label: 'text' },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item name="value" label={t('msg.value')}>
            <Input.TextArea aria-label={t('msg.value')} rows={6} disabled={batch !== null} />
          </Form.Item>
          <Form.List name="headers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'name']}>
                      <Input placeholder={t('msg.headerName')} aria-label={t('msg.headerName')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'value']}>
                      <Input placeholder={t('produce.headerValue')} aria-label={t('produce.headerValue')} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined aria-hidden />}
                      aria-label={t('produce.removeHeader')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ name: '', value: '' })}
                >
                  {t('produce.addHeader')}
                </Button>
              </>
            )}
          </Form.List>
          <Space style={{ marginTop: 16 }} wrap>
            <Form.Item name="partition" label={t('topic.partition')} tooltip={t('produce.partitionHelp')}>
              <InputNumber
                min={0}
                max={partitions - 1}
                placeholder={t('produce.auto')}
                aria-label={t('topic.partition')}
              />
            </Form.Item>
            <Form.Item name="valueEncoding" label={t('produce.encoding')}>
              <Select
                style={{ width: valueSerde ? 220 : 120 }}
                options={[
                  ...(valueSerde
                    ? [
                        {
                          value: 'serde',
                          label: serdeLabel(valueSerde),
                        },
                      ]
                    : []),
                  ...['text', 'json', 'base64', 'hex'].map((value) => ({ value, label: value })),
                ]}
              />
            </Form.Item>
            <Form.Item name="compression" label={t('produce.compression')}>
              <Select
                style={{ width: 120 }}
                options={['none', 'gzip', 'snappy', 'lz4', 'zstd'].map((value) => ({ value, label: value }))}
              />
            </Form.Item>
          </Space>
          <Form.Item label={t('produce.file')} help={t('produce.fileHelp')}>
            <Space>
              <Upload accept=".ndjson,.jsonl,.json,.txt" showUploadList={false} beforeUpload={readFile}>
                <Button>{t('produce.chooseFile')}</Button>
              </Upload>
              {batch && (
                <Typography.Text>
                  {t('produce.batch', { count: batch.length })}{' '}
                  <Button type="link" onClick={() => setBatch(null)}>
                    {t('produce.clearFile')}
                  </Button>
                </Typography.Text>
              )}
            </Space>
          </Form.Item>
          {fileError && <Alert type="error" showIcon message={fileError} style={{ marginBottom: 12 }} />}
          {produce.error && (
            <Alert type="error" showIcon message={errorText(produce.error)} style={{ marginBottom: 12 }} />
          )}
          {produce.data && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('produce.done', {
                count: produce.data.written,
                where: produce.data.partitions.map((p) => `${p.partition}@${p.baseOffset}`).join(', '),
              })}
            />
          )}
          <Button type="primary" htmlType="submit" loading={produce.isPending}>
            {t('produce.send')}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}
