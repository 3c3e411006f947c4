import { Space } from 'antd';
import { useParams } from 'react-router-dom';
import { JobsTable } from './jobs/JobsTable.tsx';
import { ReassignmentWizard } from './jobs/ReassignmentWizard.tsx';

/** Reassignment wizard (plan → diff → throttled job) and every job's progress, history and cancel. */
export function JobsPage() {
  const { clusterId = '' } = useParams();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ReassignmentWizard clusterId={clusterId} />
      <JobsTable clusterId={clusterId} />
    </Space>
  );
}
