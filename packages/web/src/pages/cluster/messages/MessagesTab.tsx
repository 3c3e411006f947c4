import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BrowseQuery, useBrowse, useMessageSearch } from '../../../api/messages.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFormatTime } from '../../../settings/time-zone.tsx';
import { BrowseBar } from './BrowseBar.tsx';
import { MessageTable } from './MessageTable.tsx';
import { browseQueryOf, initialPosition } from './read-position.ts';
import { SearchCard } from './SearchCard.tsx';

/**
 * Browse, search (streamed, stoppable, resumable), live tail, export and produce for one topic. The
 * table shows the search's matches once one has started, and the browsed records until then.
 */
export function MessagesTab({
  clusterId,
  topic,
  partitions,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
}) {
  const [position, setPosition] = useState(initialPosition);
  const [browseQuery, setBrowseQuery] = useState<BrowseQuery | null>({ from: 'newest', limit: 50 });
  const browse = useBrowse(clusterId, topic, browseQuery);
  const search = useMessageSearch(clusterId, topic);
  const { found } = search;
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <BrowseBar
        clusterId={clusterId}
        topic={topic}
        partitions={partitions}
        position={position}
        onChange={(change) => setPosition({ ...position, ...change })}
        onBrowse={() => {
          search.clear();
          setBrowseQuery(browseQueryOf(position));
        }}
      />
      <SearchCard clusterId={clusterId} topic={topic} position={position} search={search} />
      {found === null && <ErrorAlert error={browse.error} />}
      {found === null && browse.data && (
        // The page's other figures come from the cluster snapshot, with its own age above; these
        // records were read from the leaders just now, so they may be newer.
        <Typography.Text type="secondary" data-testid="live-read-at">
          {t('msg.liveReadAt', { time: formatTime(browse.dataUpdatedAt) })}
        </Typography.Text>
      )}
      <MessageTable
        messages={found ?? browse.data?.messages ?? []}
        loading={found === null && browse.isFetching}
      />
    </Space>
  );
}
