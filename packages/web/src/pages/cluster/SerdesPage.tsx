import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useSchemas } from '../../api/schemas.ts';
import {
  type SerdeRule,
  type SerdeView,
  useSaveSerdeRules,
  useSerdeRules,
  useSerdes,
} from '../../api/serdes.ts';
import { errorText } from '../../api/weir.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SerdeChoiceFields } from './serdes/SerdeChoiceFields.tsx';

/**
 * How the cluster's records are decoded: its serde rules (the first whose topic pattern matches
 * chooses the key's and value's serde; a part no rule names is automatic) and the serdes there are.
 */
export function SerdesPage() {
  const { t } = useTranslation();
  const { clusterId = '' } = useParams();
  const stored = useSerdeRules(clusterId);
  const serdes = useSerdes();
  const schemas = useSchemas();
  const save = useSaveSerdeRules(clusterId);
  const [rules, setRules] = useState<SerdeRule[]>([]);
  useEffect(() => {
    if (stored.data) setRules(stored.data.rules);
  }, [stored.data]);
  const update = (index: number, rule: SerdeRule) =>
    setRules((all) => all.map((r, i) => (i === index ? rule : r)));
  const serdeList = serdes.data?.serdes ?? [];
  const schemaList = schemas.data?.schemas ?? [];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('serdes.rules')} size="small">
        <Typography.Paragraph type="secondary">{t('serdes.rulesExplain')}</Typography.Paragraph>
        <ErrorAlert error={stored.error ?? serdes.error} />
        {rules.map((rule, index) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their order is their identity
            key={index}
            size="small"
            style={{ marginBottom: 8 }}
            title={t('serdes.rule', { number: index + 1 })}
            extra={
              <Button
                type="text"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('serdes.removeRule', { number: index + 1 })}
                onClick={() => setRules((all) => all.filter((_, i) => i !== index))}
              />
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input
                addonBefore={t('serdes.topics')}
                aria-label={t('serdes.topicsOf', { number: index + 1 })}
                placeholder="orders-*"
                value={rule.topics}
                onChange={(e) => update(index, { ...rule, topics: e.target.value })}
              />
              {(['key', 'value', 'headers'] as const).map((part) => (
                <Space key={part} align="baseline">
                  <Typography.Text style={{ width: 48, display: 'inline-block' }}>
                    {t(`msg.${part}`)}
                  </Typography.Text>
                  <SerdeChoiceFields
                    labels={{
                      serde: t('serdes.serdeOf', { part: t(`msg.${part}`), number: index + 1 }),
                      schema: t('serdes.schemaOf', { part: t(`msg.${part}`), number: index + 1 }),
                      type: t('serdes.typeOf', { part: t(`msg.${part}`), number: index + 1 }),
                    }}
                    choice={rule[part]}
                    serdes={serdeList}
                    schemas={schemaList}
                    onChange={(choice) => {
                      const { [part]: _, ...rest } = rule;
                      update(index, choice ? { ...rest, [part]: choice } : rest);
                    }}
                  />
                </Space>
              ))}
            </Space>
          </Card>
        ))}
        <Space>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setRules((all) => [...all, { topics: '' }])}
          >
            {t('serdes.addRule')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate({ rules })}>
            {t('serdes.save')}
          </Button>
        </Space>
        {save.error && (
          <Alert type="error" showIcon message={errorText(save.error)} style={{ marginTop: 12 }} />
        )}
        {save.isSuccess && !save.isPending && (
          <Alert type="success" showIcon message={t('serdes.saved')} style={{ marginTop: 12 }} />
        )}
      </Card>
      <Card title={t('serdes.available')} size="small">
        <Table<SerdeView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={serdes.isPending}
          dataSource={serdeList}
          columns={[
            { title: t('serdes.serde'), render: (_, s) => `${s.title} (${s.id})` },
            { title: t('serdes.plugin'), dataIndex: 'plugin' },
            { title: t('serdes.description'), dataIndex: 'description' },
            {
              title: t('serdes.needs'),
              render: (_, s) => (
                <Space size={4} wrap>
                  {s.schemaFormat && <Tag>{t(`schemas.formats.${s.schemaFormat}`)}</Tag>}
                  {s.needsRegistry && <Tag>{t('serdes.registry')}</Tag>}
                  {s.automatic && <Tag color="blue">{t('serdes.automatic')}</Tag>}
                  {s.canEncode && <Tag color="green">{t('serdes.encodes')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
