import type { SchemaRegistryConnection, WeirPlugin } from '@weir/plugin-sdk';
import { avroSerde } from './avro.ts';
import { confluentSerde } from './confluent.ts';
import { jsonSchemaSerde } from './json-schema.ts';
import { msgpackSerde } from './msgpack.ts';
import { protobufSerde } from './protobuf.ts';
import { RegistryClient } from './registry-client.ts';

interface SerdesSettings {
  /** How long one registry request may take (ms). */
  registryTimeoutMs: number;
  /** How many schemas by id each registry client keeps. */
  registryCacheSize: number;
}

/**
 * Weir's serde plugin: Avro and Protobuf with uploaded schemas, JSON with a JSON Schema,
 * MessagePack, and the Confluent wire format read through the cluster's schema registry.
 */
const plugin: WeirPlugin<SerdesSettings> = {
  manifest: {
    id: 'weir.serdes',
    name: 'Serdes: Avro, Protobuf, Confluent, MessagePack, JSON Schema',
    version: '1.0.0',
    apiVersion: '^1.0.0',
    description:
      'Decodes and encodes Avro (.avsc) and Protobuf (.proto) with schemas uploaded to Weir, the Confluent wire format with a schema registry, MessagePack, and JSON checked against a JSON Schema',
    contributes: ['serdes'],
    permissions: ['messages:read', 'network', 'secrets'],
    settingsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        registryTimeoutMs: {
          type: 'integer',
          title: 'Schema registry timeout (ms)',
          description: 'How long one request to a schema registry may take',
          minimum: 100,
          // Below Weir's 15 s deadline for one decode, so a slow registry is the record's own error.
          maximum: 10000,
          default: 5000,
        },
        registryCacheSize: {
          type: 'integer',
          title: 'Schemas cached per registry',
          description: 'Schemas by id never change, so they are kept; this bounds how many',
          minimum: 10,
          maximum: 100000,
          default: 1000,
        },
      },
    },
  },
  activate({ settings }) {
    const clients = new Map<string, RegistryClient>();
    const clientFor = (registry: SchemaRegistryConnection) => {
      const key = JSON.stringify([
        registry.url,
        registry.username,
        registry.password,
        registry.token,
        registry.ca,
      ]);
      let client = clients.get(key);
      if (!client) {
        client = new RegistryClient(registry, {
          timeoutMs: settings.registryTimeoutMs,
          cacheSize: settings.registryCacheSize,
        });
        clients.set(key, client);
      }
      return client;
    };
    return {
      serdes: [avroSerde, protobufSerde, jsonSchemaSerde, msgpackSerde, confluentSerde(clientFor)],
    };
  },
};

export default plugin;
