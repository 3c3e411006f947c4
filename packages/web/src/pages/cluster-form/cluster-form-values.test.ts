import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '../../api/clusters.ts';
import { type FormValues, toInput, valuesOf } from './cluster-form-values.ts';

const base: FormValues = { name: 'prod', bootstrap: 'b1:9092, b2:9092', securityProtocol: 'PLAINTEXT' };

test('a schema registry is sent with what was typed; blank secrets are left out so the stored ones stay', () => {
  assert.equal(toInput(base).schemaRegistry, undefined);
  assert.deepEqual(
    toInput({ ...base, registryUrl: ' https://sr:8081 ', registryUsername: 'weir', registryPassword: '' })
      .schemaRegistry,
    { url: 'https://sr:8081', username: 'weir' },
  );
  assert.deepEqual(toInput({ ...base, registryUrl: 'http://sr:8081', registryToken: 't0k' }).schemaRegistry, {
    url: 'http://sr:8081',
    token: 't0k',
  });
});

test('editing a cluster starts from its registry, so saving the form keeps it', () => {
  const cluster = {
    name: 'prod',
    bootstrapServers: ['b1:9092'],
    securityProtocol: 'PLAINTEXT',
    tags: [],
    description: '',
    metricsEndpoints: [],
    connectUrls: [],
    schemaRegistry: { url: 'https://sr:8081', username: 'weir', hasPassword: true, hasToken: false },
  } as unknown as Cluster;
  assert.deepEqual(toInput(valuesOf(cluster)).schemaRegistry, { url: 'https://sr:8081', username: 'weir' });
});
