import { Breadcrumb, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Freshness } from '../api/cluster-cache.ts';
import { DataAge } from './DataAge.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The top of a detail page: the way back to its list, the data's age with Refresh, and any error. */
export function DetailHeader(props: {
  parent: { to: string; label: string };
  title: string;
  query: {
    data?: { freshness: Freshness };
    error: Error | null;
    refresh: () => Promise<void>;
    refreshing: boolean;
  };
  /** Actions on what the page shows (change dialogs). */
  extra?: ReactNode;
}) {
  const { parent, title, query } = props;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Breadcrumb items={[{ title: <Link to={parent.to}>{parent.label}</Link> }, { title }]} />
        <Space wrap>
          {props.extra}
          <DataAge
            freshness={query.data?.freshness}
            onRefresh={() => void query.refresh()}
            refreshing={query.refreshing}
          />
        </Space>
      </Space>
      <ErrorAlert error={query.error} />
    </>
  );
}
