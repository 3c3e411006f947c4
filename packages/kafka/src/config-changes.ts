import { type Admin, ConfigResourceTypes, IncrementalAlterConfigOperationTypes } from '@platformatic/kafka';
import { describeConfigs } from './configs.ts';
import { rawRequest } from './raw-call.ts';

/** A topic, one broker (`name` is its id), or every broker's default (`name` is ''). */
export interface ConfigResource {
  type: 'topic' | 'broker';
  name: string;
}

/** Set a value, or remove the override (`value: null`) so the entry falls back to its default. */
export interface ConfigChange {
  name: string;
  value: string | null;
}

const resourceType = (resource: ConfigResource) =>
  resource.type === 'topic' ? ConfigResourceTypes.TOPIC : ConfigResourceTypes.BROKER;

/**
 * IncrementalAlterConfigs: only the named entries change. `validateOnly` lets the broker check keys
 * and values without applying them.
 */
export async function alterConfigsIncrementally(
  admin: Admin,
  resource: ConfigResource,
  changes: ConfigChange[],
  validateOnly: boolean,
): Promise<void> {
  const resources = [
    {
      resourceType: resourceType(resource),
      resourceName: resource.name,
      configs: changes.map((change) =>
        change.value === null
          ? { name: change.name, configOperation: IncrementalAlterConfigOperationTypes.DELETE }
          : {
              name: change.name,
              configOperation: IncrementalAlterConfigOperationTypes.SET,
              value: change.value,
            },
      ),
    },
  ];
  // The library routes broker resources by id and reads the cluster default ('') as broker 0; any broker takes it.
  if (resource.type === 'broker' && resource.name === '') {
    await rawRequest(admin, 'IncrementalAlterConfigs', [resources, validateOnly]);
  } else {
    await admin.incrementalAlterConfigs({ resources, validateOnly });
  }
}

/**
 * The whole override set AlterConfigs needs: legacy AlterConfigs replaces every dynamic entry of the
 * resource, so the current overrides are carried over and only the changed ones differ.
 */
export function fullOverrideSet(
  current: { name: string; value: string | null; source: string; sensitive: boolean }[],
  changes: ConfigChange[],
  resource: ConfigResource,
): { name: string; value: string }[] {
  const ownSource =
    resource.type === 'topic' ? 'topic' : resource.name === '' ? 'dynamic-default-broker' : 'dynamic-broker';
  const next = new Map<string, string>();
  for (const entry of current) {
    if (entry.source === ownSource && entry.value !== null && !entry.sensitive)
      next.set(entry.name, entry.value);
  }
  for (const change of changes) {
    if (change.value === null) next.delete(change.name);
    else next.set(change.name, change.value);
  }
  return [...next].map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
}

/** For brokers older than 2.3, which lack IncrementalAlterConfigs. */
export async function alterConfigsWholesale(
  admin: Admin,
  resource: ConfigResource,
  changes: ConfigChange[],
  validateOnly: boolean,
): Promise<void> {
  const current = await describeConfigs(admin, resource);
  const resources = [
    {
      resourceType: resourceType(resource),
      resourceName: resource.name,
      configs: fullOverrideSet(current, changes, resource),
    },
  ];
  if (resource.type === 'broker' && resource.name === '') {
    await rawRequest(admin, 'AlterConfigs', [resources, validateOnly]);
  } else {
    await admin.alterConfigs({ resources, validateOnly });
  }
}
