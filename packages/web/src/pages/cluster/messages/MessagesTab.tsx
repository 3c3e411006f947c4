import { Space } from 'antd';
import { useState } from 'react';
import { type BrowseQuery, useBrowse, useMessageSearch } from '../../../api/messages.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
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
      <MessageTable
        messages={found ?? browse.data?.messages ?? []}
        loading={found === null && browse.isFetching}
      />
    </Space>
  );
}
