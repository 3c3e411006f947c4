import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SchemaView, useSchemas } from '../api/schemas.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeading, usePageTitle } from '../components/PageTitle.tsx';
import { useFormatTime } from '../settings/time-zone.tsx';
import { RemoveSchemaButton } from './schemas/RemoveSchemaButton.tsx';
import { UploadSchemaDrawer } from './schemas/UploadSchemaDrawer.tsx';

/** Schemas uploaded for the Avro, Protobuf and JSON Schema serdes, and the types each defines. */
export function SchemasPage() {
  const { t } = useTranslation();
  usePageTitle(t('schemas.title'));
  const schemas = useSchemas();
  const formatTime = useFormatTime();
  const [uploading, setUploading] = useState(false);
  return (
    <>
      <PageHeading>{t('schemas.title')}</PageHeading>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('schemas.explain')}</Typography.Text>
        <Button type="primary" icon={<UploadOutlined aria-hidden />} onClick={() => setUploading(true)}>
          {t('schemas.upload')}
        </Button>
      </Space>
      <ErrorAlert error={schemas.error} />
      <Table<SchemaView>
        rowKey="name"
        size="small"
        loading={schemas.isPending}
        dataSource={schemas.data?.schemas ?? []}
        pagination={false}
        locale={{ emptyText: t('schemas.empty') }}
        columns={[
          { title: t('schemas.name'), dataIndex: 'name' },
          {
            title: t('schemas.format'),
            dataIndex: 'format',
            render: (f: SchemaView['format']) => t(`schemas.formats.${f}`),
          },
          {
            title: t('schemas.files'),
            render: (_, s) => s.files.map((f) => <Tag key={f.path}>{f.path}</Tag>),
          },
          {
            title: t('schemas.types'),
            render: (_, s) => (s.types.length ? s.types.map((type) => <Tag key={type}>{type}</Tag>) : '–'),
          },
          { title: t('schemas.updated'), render: (_, s) => `${formatTime(s.updatedAt)} · ${s.updatedBy}` },
          { title: t('schemas.actions'), render: (_, s) => <RemoveSchemaButton name={s.name} /> },
        ]}
      />
      <UploadSchemaDrawer open={uploading} onClose={() => setUploading(false)} />
    </>
  );
}
