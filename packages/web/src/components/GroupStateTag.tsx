import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  Stable: 'green',
  Empty: 'default',
  Dead: 'red',
  PreparingRebalance: 'orange',
  CompletingRebalance: 'orange',
  Assigning: 'orange',
  Reconciling: 'orange',
};

/** A consumer group's state as Kafka names it, in the user's language (Kafka's name as its title). */
export function GroupStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state] ?? 'blue'} title={state}>
      {t(`groups.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}
