import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHEMA_FORMATS, type SchemaFormatName, useUploadSchema } from '../../api/schemas.ts';
import { errorText } from '../../api/weir.ts';

interface SchemaFile {
  /** The row's identity while paths are edited. */
  id: number;
  path: string;
  content: string;
}

let nextFileId = 0;

/**
 * Uploads a schema: the file it starts from first, then the files it imports, each under the path
 * its import names (`common/money.proto`), editable because a browser gives only the file's name.
 */
export function UploadSchemaDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [format, setFormat] = useState<SchemaFormatName>('avro');
  const [files, setFiles] = useState<SchemaFile[]>([]);
  const [replace, setReplace] = useState(false);
  const upload = useUploadSchema();

  const addFile = async (file: File) => {
    const content = await file.text();
    setFiles((current) => [...current, { id: nextFileId++, path: file.name, content }]);
    return false;
  };
  const setPath = (index: number, path: string) =>
    setFiles((current) => current.map((f, i) => (i === index ? { ...f, path } : f)));
  const close = () => {
    upload.reset();
    setFiles([]);
    onClose();
  };

  return (
    <Drawer open={open} onClose={close} title={t('schemas.upload')} width={560} destroyOnHidden>
      <Form
        layout="vertical"
        onFinish={() =>
          upload.mutate(
            {
              input: { name, format, files: files.map(({ path, content }) => ({ path, content })) },
              replace,
            },
            { onSuccess: close },
          )
        }
      >
        <Form.Item label={t('schemas.name')} extra={t('schemas.nameHint')} required>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-label={t('schemas.name')}
            placeholder="orders-value"
          />
        </Form.Item>
        <Form.Item label={t('schemas.format')}>
          <Select<SchemaFormatName>
            value={format}
            onChange={setFormat}
            aria-label={t('schemas.format')}
            options={SCHEMA_FORMATS.map((value) => ({ value, label: t(`schemas.formats.${value}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('schemas.files')} extra={t('schemas.filesHint')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {files.map((file, index) => (
              <Space key={file.id} align="baseline">
                <Typography.Text type="secondary">
                  {index === 0 ? t('schemas.main') : t('schemas.import')}
                </Typography.Text>
                <Input
                  value={file.path}
                  onChange={(e) => setPath(index, e.target.value)}
                  aria-label={t('schemas.filePath', { index: index + 1 })}
                  style={{ width: 300 }}
                />
                <Button
                  type="link"
                  onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                >
                  {t('schemas.removeFile')}
                </Button>
              </Space>
            ))}
            <Upload multiple accept=".avsc,.proto,.json" showUploadList={false} beforeUpload={addFile}>
              <Button icon={<UploadOutlined aria-hidden />}>{t('schemas.chooseFiles')}</Button>
            </Upload>
          </Space>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
            {t('schemas.replace')}
          </Checkbox>
        </Form.Item>
        {upload.error && (
          <Alert type="error" showIcon message={errorText(upload.error)} style={{ marginBottom: 12 }} />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={upload.isPending}
          disabled={!name || files.length === 0}
        >
          {t('schemas.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
