import { RAW_SERDE } from '@weir/api';
import type { Serde, TopicPreset, WeirPlugin } from '@weir/plugin-sdk';
import { WEIR_VERSION } from '../version.ts';
import type { PluginCandidate } from './plugin-loader.ts';

/** Settings users reach for when creating a topic; each is plain topic configs, shown before applying. */
const TOPIC_PRESETS: TopicPreset[] = [
  { id: 'default', label: 'Cluster defaults', configs: {} },
  { id: 'compacted', label: 'Compacted (latest value per key)', configs: { 'cleanup.policy': 'compact' } },
  { id: 'short-retention', label: 'Short retention (1 day)', configs: { 'retention.ms': '86400000' } },
  { id: 'long-retention', label: 'Long retention (30 days)', configs: { 'retention.ms': '2592000000' } },
  {
    id: 'durable',
    label: 'Durable (acks=all needs 2 in-sync replicas)',
    configs: { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' },
  },
  {
    id: 'large-messages',
    label: 'Large messages (up to 10 MiB)',
    configs: { 'max.message.bytes': '10485760' },
  },
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The built-in view of bytes: UTF-8 text, JSON when it also parses, else the bytes as base64. Weir
 * renders it itself (payload.ts), so its decoder is only called when a rule names it for produce.
 */
const raw: Serde = {
  id: RAW_SERDE,
  title: 'Raw (text, JSON or bytes)',
  description:
    'UTF-8 text, JSON when it parses, else the bytes as base64; what Weir shows when no serde applies',
  decoder: () => (bytes) => ({ value: Buffer.from(bytes).toString('base64') }),
};

const string: Serde = {
  id: 'string',
  title: 'String (UTF-8)',
  description: "Kafka's StringSerializer: the bytes as UTF-8 text",
  decoder: () => (bytes) => {
    try {
      return { value: utf8.decode(bytes) };
    } catch {
      throw new Error('the bytes are not valid UTF-8');
    }
  },
  encoder: () => (value) => {
    if (typeof value !== 'string') throw new Error('give a JSON string, e.g. "hello"');
    return Buffer.from(value, 'utf8');
  },
};

const json: Serde = {
  id: 'json',
  title: 'JSON',
  description: 'UTF-8 JSON without a schema',
  decoder: () => (bytes) => {
    try {
      return { value: JSON.parse(utf8.decode(bytes)) };
    } catch (error) {
      throw new Error(`not JSON: ${(error as Error).message}`);
    }
  },
  encoder: () => (value) => Buffer.from(JSON.stringify(value), 'utf8'),
};

/** Weir's own extensions, loaded through the plugin host like anyone else's. */
export const builtinPlugin: WeirPlugin = {
  manifest: {
    id: 'weir.builtin',
    name: 'Weir built-ins',
    version: WEIR_VERSION,
    apiVersion: '^1.0.0',
    description: 'The raw, string and JSON serdes, and the topic presets',
    contributes: ['serdes', 'topicPresets'],
    permissions: ['messages:read'],
  },
  activate: () => ({ serdes: [raw, string, json], topicPresets: TOPIC_PRESETS }),
};

/** What ships with Weir: its own extensions, then its serde plugins (packages/serdes). */
export const BUILTIN_PLUGINS: PluginCandidate[] = [
  { source: 'built-in', location: 'weir.builtin', load: async () => ({ default: builtinPlugin }) },
  { source: 'built-in', location: '@weir/serdes', load: () => import('@weir/serdes') },
];
