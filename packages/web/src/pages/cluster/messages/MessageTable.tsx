import { formatBytes } from '@weir/api/display';
import { Descriptions, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedMessage } from '../../../api/messages.ts';
import { localeOf } from '../../../format.ts';
import { useFormatTime } from '../../../settings/time-zone.tsx';
import { PayloadSerdeTag } from './PayloadSerdeTag.tsx';
import { type PayloadView, previewPayload, readsAsJson, showPayload } from './payload-view.ts';

type Translate = ReturnType<typeof useTranslation>['t'];

/** The time, or "no timestamp" for a record without one (never 1970); LogAppendTime is said. */
function Timestamp({ message, t }: { message: RenderedMessage; t: Translate }) {
  const formatTime = useFormatTime();
  return (
    <span data-testid="message-timestamp">
      {message.timestamp === null ? (
        <Typography.Text type="secondary">{t('msg.noTimestamp')}</Typography.Text>
      ) : (
        formatTime(message.timestamp, true)
      )}
      {message.timestampType === 'LogAppendTime' && (
        <Tag style={{ marginLeft: 6 }} title={t('msg.logAppendTimeHint')}>
          {t('msg.logAppendTime')}
        </Tag>
      )}
    </span>
  );
}

/** A tag for records written in a transaction: red when it was aborted. */
function TransactionTag({ message, t }: { message: RenderedMessage; t: Translate }) {
  if (message.transactionState === null) return null;
  const color = { committed: 'green', aborted: 'red', undecided: 'gold' }[message.transactionState];
  return (
    <Tag color={color} data-testid="message-transaction" style={{ marginLeft: 6 }}>
      {t(`msg.txn.${message.transactionState}`)}
    </Tag>
  );
}

function MessageDetail({ message }: { message: RenderedMessage }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<PayloadView>(readsAsJson(message.value) ? 'pretty' : 'text');
  return (
    <div data-testid="message-detail">
      <Segmented<PayloadView>
        size="small"
        value={view}
        onChange={setView}
        options={[
          { value: 'pretty', label: t('msg.view.pretty') },
          { value: 'text', label: t('msg.view.text') },
          { value: 'hex', label: 'Hex' },
          { value: 'base64', label: 'Base64' },
        ]}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('msg.timestamp')}>
          <Timestamp message={message} t={t} />
          {message.timestampType !== 'LogAppendTime' && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {message.timestampType ?? t('msg.noTimestampType')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('msg.transaction')}>
          {message.transactional ? (
            <>
              <TransactionTag message={message} t={t} />
              {t('msg.producer', { id: message.producerId ?? '–', epoch: message.producerEpoch ?? '–' })}
            </>
          ) : (
            <>
              {t('msg.notTransactional')}
              {message.producerId !== null &&
                ` · ${t('msg.producer', { id: message.producerId, epoch: message.producerEpoch ?? '–' })}`}
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('msg.key')}>
          <PayloadSerdeTag payload={message.key} withReason />
          <Typography.Text code copyable>
            {showPayload(message.key, view)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('msg.value')}>
          <PayloadSerdeTag payload={message.value} withReason />
          {message.value.kind === 'decoded' && (view === 'hex' || view === 'base64') && (
            <Typography.Text type="secondary">{t('msg.decodedNoBytes')}</Typography.Text>
          )}
          <pre
            style={{
              margin: 0,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
              maxHeight: 400,
              overflow: 'auto',
            }}
          >
            {showPayload(message.value, view)}
          </pre>
          {'truncated' in message.value && message.value.truncated && (
            <Tag color="orange">
              {t('msg.truncated', { size: formatBytes(message.value.size, localeOf(i18n.language)) })}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('msg.headers')}>
          {message.headers.length === 0
            ? '–'
            : message.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: header names may repeat; their order is their identity
                <Tag key={`${h.name}-${i}`}>
                  {h.name}: {showPayload(h.value, view === 'pretty' ? 'text' : view)}
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** Records found by browsing or searching; a row expands to the full key, value and headers. */
export function MessageTable({ messages, loading }: { messages: RenderedMessage[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Table<RenderedMessage>
      rowKey={(m) => `${m.partition}:${m.offset}`}
      size="small"
      loading={loading}
      dataSource={messages}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('msg.empty') }}
      expandable={{ expandedRowRender: (m) => <MessageDetail message={m} />, expandRowByClick: true }}
      // Below this width the table scrolls sideways instead of squeezing the value to "{"o…": the
      // value column keeps at least ~300 px; the full value is in the expanded row.
      scroll={{ x: 980 }}
      columns={[
        { title: t('topic.partition'), dataIndex: 'partition', width: 96 },
        {
          title: t('msg.offset'),
          width: 120,
          render: (_, m) => (
            <>
              {m.offset}
              <TransactionTag message={m} t={t} />
            </>
          ),
        },
        {
          title: t('msg.timestamp'),
          width: 200,
          render: (_, m) => <Timestamp message={m} t={t} />,
        },
        { title: t('msg.key'), render: (_, m) => previewPayload(m.key, 40), width: 150, ellipsis: true },
        {
          title: t('msg.value'),
          render: (_, m) => (
            <>
              <PayloadSerdeTag payload={m.value} />
              <span data-testid="message-value">{previewPayload(m.value)}</span>
            </>
          ),
          ellipsis: true,
        },
        {
          title: t('msg.size'),
          dataIndex: 'size',
          width: 90,
          align: 'right',
          render: (size: number) => formatBytes(size, locale),
        },
      ]}
    />
  );
}
