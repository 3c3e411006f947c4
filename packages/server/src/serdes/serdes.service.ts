import {
  AUTO_SERDE,
  type ResolvedSerde,
  type SerdeChoice,
  type SerdeRule,
  type SerdeRules,
  type SerdeView,
  type TopicSerdes,
} from '@weir/api';
import type {
  Encoder,
  RecordPart,
  SchemaFormat,
  Serde,
  SerdeBinding,
  UploadedSchema,
} from '@weir/plugin-sdk';
import type { SchemasRepository, SettingsRepository } from '@weir/store';
import picomatch from 'picomatch';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../changes/actor.ts';
import { toRegistryConnection } from '../clusters/cluster-definition.ts';
import type { ClustersService } from '../clusters/clusters.service.ts';
import { InputError } from '../errors.ts';
import { SERDE_DEADLINE_MS, TIMED_OUT, within } from '../plugins/deadline.ts';
import type { Contributed, PluginHost } from '../plugins/plugin-host.ts';
import { PartReader } from './part-reader.ts';
import { TopicReader } from './topic-reader.ts';

const rulesKey = (clusterId: string) => `serde-rules:${clusterId}`;
const PARTS = ['key', 'value', 'headers'] as const;
type RulePart = (typeof PARTS)[number];
const MAX_READERS = 500;

/**
 * The serdes plugins contribute, each cluster's rules choosing them per topic, and the readers and
 * encoders built from them. Readers are cached per topic until a plugin, a rule or a schema changes.
 */
export class SerdesService {
  readonly #host: PluginHost;
  readonly #settings: SettingsRepository;
  readonly #schemas: SchemasRepository;
  readonly #clusters: ClustersService;
  readonly #audit: AuditService;
  readonly #readers = new Map<string, { stamp: string; reader: Promise<TopicReader> }>();
  #changes = 0;

  constructor(deps: {
    host: PluginHost;
    settings: SettingsRepository;
    schemas: SchemasRepository;
    clusters: ClustersService;
    audit: AuditService;
  }) {
    this.#host = deps.host;
    this.#settings = deps.settings;
    this.#schemas = deps.schemas;
    this.#clusters = deps.clusters;
    this.#audit = deps.audit;
  }

  /** Tells cached readers that schemas or cluster settings changed. */
  invalidate(): void {
    this.#changes += 1;
  }

  list(): SerdeView[] {
    return this.#host.extensions('serdes').map(({ pluginId, extension: serde }) => ({
      id: serde.id,
      title: serde.title,
      description: serde.description ?? '',
      plugin: pluginId,
      schemaFormat: serde.schemaFormat ?? null,
      needsRegistry: serde.needsRegistry === true,
      canEncode: typeof serde.encoder === 'function',
      automatic: typeof serde.detects === 'function',
    }));
  }

  /** The active serde that checks uploaded schemas of a format, if any. */
  schemaChecker(format: SchemaFormat): Contributed<Serde> | undefined {
    return this.#host
      .extensions('serdes')
      .find((s) => s.extension.schemaFormat === format && typeof s.extension.describeSchema === 'function');
  }

  /** @throws NotFoundError for an unknown cluster. */
  async rules(clusterId: string): Promise<SerdeRules> {
    await this.#clusters.get(clusterId);
    return (await this.#settings.get<SerdeRules>(rulesKey(clusterId))) ?? { rules: [] };
  }

  /**
   * Replaces a cluster's rules after checking each: a valid glob, serdes that are active, the schema
   * a serde needs uploaded and of its format, a registry on the cluster for serdes that read one.
   * @throws InputError naming each rule's problem and the fix; NotFoundError for an unknown cluster.
   */
  async saveRules(clusterId: string, input: SerdeRules, actor: Actor): Promise<SerdeRules> {
    const cluster = await this.#clusters.getStored(clusterId);
    const before = await this.rules(clusterId);
    const serdes = new Map(this.#host.extensions('serdes').map((s) => [s.extension.id, s.extension]));
    const problems: string[] = [];
    for (const [index, rule] of input.rules.entries()) {
      const where = `body.rules[${index}]`;
      try {
        picomatch(rule.topics, { strictBrackets: true });
      } catch (error) {
        problems.push(
          `${where}.topics: "${rule.topics}" is not a glob Weir can read (${(error as Error).message}).`,
        );
      }
      if (!PARTS.some((part) => rule[part]))
        problems.push(`${where}: name a serde for key, value or headers; a rule with none does nothing.`);
      for (const part of PARTS) {
        const choice = rule[part];
        if (!choice) continue;
        const at = `${where}.${part}`;
        if (choice.serde === AUTO_SERDE) continue;
        const problemsBefore = problems.length;
        const serde = serdes.get(choice.serde);
        if (!serde) {
          problems.push(
            `${at}.serde: no active plugin contributes a serde "${choice.serde}"; use one of ${[AUTO_SERDE, ...serdes.keys()].join(', ')}.`,
          );
          continue;
        }
        if (serde.schemaFormat) {
          if (!choice.schema)
            problems.push(
              `${at}.schema: the ${serde.id} serde needs an uploaded ${serde.schemaFormat} schema; name one.`,
            );
          else {
            const schema = await this.#schemas.find(choice.schema);
            if (!schema)
              problems.push(`${at}.schema: no schema "${choice.schema}" is uploaded; upload it first.`);
            else if (schema.format !== serde.schemaFormat)
              problems.push(
                `${at}.schema: "${choice.schema}" is a ${schema.format} schema, and ${serde.id} reads ${serde.schemaFormat}.`,
              );
            else if (choice.messageType && schema.types.length && !schema.types.includes(choice.messageType))
              problems.push(
                `${at}.messageType: "${choice.messageType}" is not a type of ${choice.schema}; it defines ${schema.types.join(', ')}.`,
              );
          }
        } else if (choice.schema)
          problems.push(`${at}.schema: the ${serde.id} serde takes no uploaded schema; remove it.`);
        if (serde.needsRegistry && !cluster.definition.schemaRegistry)
          problems.push(
            `${at}.serde: ${serde.id} reads the cluster's schema registry, and ${cluster.name} has none; add its URL in the cluster's settings.`,
          );
        if (problems.length === problemsBefore) {
          // The serde's own checks of the choice (a Protobuf schema of several messages needs
          // messageType, …) run where they would on the first record: in building its decoder.
          const problem = await this.#decoderProblem(
            serde,
            {
              clusterId,
              topic: rule.topics,
              part: partName(part),
              messageType: choice.messageType,
              registry: toRegistryConnection(cluster),
            },
            choice,
          );
          if (problem) problems.push(`${at}: ${problem}`);
        }
      }
    }
    if (problems.length) throw new InputError(`The serde rules are invalid: ${problems.join(' ')}`, problems);
    await this.#settings.set(rulesKey(clusterId), input, Date.now());
    this.#changes += 1;
    await this.#audit.record(actor, {
      action: 'serde-rules.update',
      clusterId,
      targetType: 'cluster',
      target: cluster.name,
      before,
      after: input,
      result: 'success',
    });
    return input;
  }

  /** How a topic's parts are read; see {@link reader}. */
  async forTopic(clusterId: string, topic: string): Promise<TopicSerdes> {
    return (await this.reader(clusterId, topic)).resolved;
  }

  /** The reader of a topic's records, cached until a plugin, rule or schema changes. */
  async reader(clusterId: string, topic: string): Promise<TopicReader> {
    const cacheKey = `${clusterId}\u0000${topic}`;
    const stamp = `${this.#host.generation}:${this.#changes}`;
    const cached = this.#readers.get(cacheKey);
    if (cached?.stamp === stamp) return cached.reader;
    const reader = this.#build(clusterId, topic);
    this.#readers.delete(cacheKey);
    if (this.#readers.size >= MAX_READERS) this.#readers.delete(this.#readers.keys().next().value as string);
    this.#readers.set(cacheKey, { stamp, reader });
    reader.catch(() => this.#readers.delete(cacheKey));
    return reader;
  }

  async #build(clusterId: string, topic: string): Promise<TopicReader> {
    const [cluster, { rules }] = await Promise.all([
      this.#clusters.getStored(clusterId),
      this.rules(clusterId),
    ]);
    const registry = toRegistryConnection(cluster);
    const serdes = this.#host.extensions('serdes');
    const parts = await Promise.all(
      PARTS.map(async (part) => {
        const found = this.#ruleFor(rules, topic, part);
        const binding: SerdeBinding = { clusterId, topic, part: partName(part), registry };
        const automatic = serdes
          .filter((s) => typeof s.extension.detects === 'function')
          .filter((s) => !s.extension.needsRegistry || registry)
          .map((s) => ({ ...s, serde: s.extension, binding }));
        const choice = found?.choice;
        if (!choice || choice.serde === AUTO_SERDE)
          return new PartReader({
            host: this.#host,
            resolved: resolved(AUTO_SERDE, null, null, found?.index ?? null, false),
            chosen: null,
            automatic,
          });
        const contributed = serdes.find((s) => s.extension.id === choice.serde);
        const base = resolved(
          choice.serde,
          choice.schema ?? null,
          choice.messageType ?? null,
          found.index,
          typeof contributed?.extension.encoder === 'function',
        );
        if (!contributed)
          return new PartReader({
            host: this.#host,
            resolved: base,
            chosen: null,
            problem: `rule ${found.index} names serde "${choice.serde}", which no active plugin contributes now`,
            automatic: [],
          });
        const { schema, problem } = await this.#schemaFor(choice);
        return new PartReader({
          host: this.#host,
          resolved: base,
          chosen: problem
            ? null
            : {
                pluginId: contributed.pluginId,
                serde: contributed.extension,
                binding: { ...binding, schema, messageType: choice.messageType },
              },
          problem,
          automatic: [],
        });
      }),
    );
    const [key, value, headers] = parts as [PartReader, PartReader, PartReader];
    return new TopicReader({ key, value, headers });
  }

  #ruleFor(rules: SerdeRule[], topic: string, part: RulePart): { index: number; choice: SerdeChoice } | null {
    for (const [index, rule] of rules.entries()) {
      const choice = rule[part];
      if (choice && picomatch.isMatch(topic, rule.topics, { dot: true })) return { index, choice };
    }
    return null;
  }

  /** Why the serde cannot build a decoder for this choice, or null when it can. */
  async #decoderProblem(serde: Serde, binding: SerdeBinding, choice: SerdeChoice): Promise<string | null> {
    const { schema, problem } = await this.#schemaFor(choice);
    if (problem) return problem;
    try {
      const built = await within(
        Promise.resolve().then(() => serde.decoder({ ...binding, schema })),
        SERDE_DEADLINE_MS,
      );
      return built === TIMED_OUT
        ? `the ${serde.id} serde did not build its decoder within ${SERDE_DEADLINE_MS} ms`
        : null;
    } catch (error) {
      return `the ${serde.id} serde cannot read with this choice: ${(error as Error)?.message ?? String(error)}`;
    }
  }

  async #schemaFor(choice: SerdeChoice): Promise<{ schema?: UploadedSchema; problem: string | null }> {
    if (!choice.schema) return { problem: null };
    const record = await this.#schemas.find(choice.schema);
    if (!record) return { problem: `schema "${choice.schema}" is not uploaded any more; upload it again` };
    return {
      schema: { name: record.name, format: record.format as SchemaFormat, files: record.files },
      problem: null,
    };
  }

  /**
   * The encoder produce uses for a part, from an explicit choice.
   * @throws InputError when the serde is unknown, cannot encode, or its encoder cannot be built.
   */
  async encoder(
    clusterId: string,
    topic: string,
    part: 'key' | 'value',
    choice: SerdeChoice,
  ): Promise<Encoder> {
    const where = `body.${part}Serde`;
    const contributed = this.#host.extensions('serdes').find((s) => s.extension.id === choice.serde);
    if (!contributed)
      throw new InputError(`${where}.serde: no active plugin contributes a serde "${choice.serde}".`, [
        `${where}.serde: unknown serde "${choice.serde}"; GET /api/v1/serdes lists them.`,
      ]);
    const serde = contributed.extension;
    if (!serde.encoder)
      throw new InputError(`${where}.serde: the ${serde.id} serde only decodes; it cannot encode records.`);
    if (serde.schemaFormat && !choice.schema)
      throw new InputError(
        `${where}.schema: the ${serde.id} serde needs an uploaded ${serde.schemaFormat} schema.`,
      );
    const { schema, problem } = await this.#schemaFor(choice);
    if (problem) throw new InputError(`${where}.schema: ${problem}.`);
    const cluster = await this.#clusters.getStored(clusterId);
    const binding: SerdeBinding = {
      clusterId,
      topic,
      part,
      schema,
      messageType: choice.messageType,
      registry: toRegistryConnection(cluster),
    };
    let encode: Encoder;
    try {
      encode = await (serde.encoder as NonNullable<Serde['encoder']>)(binding);
    } catch (error) {
      throw new InputError(
        `${where}: the ${serde.id} serde cannot encode for this topic: ${(error as Error).message}`,
      );
    }
    return async (value) => {
      const answer = await within(
        Promise.resolve().then(() => encode(value)),
        SERDE_DEADLINE_MS,
      );
      if (answer !== TIMED_OUT) return answer;
      const reason = `serde ${serde.id}'s encoder gave no answer within ${SERDE_DEADLINE_MS} ms`;
      this.#host.fail(contributed.pluginId, reason);
      throw new Error(`${reason}; its plugin is disabled`);
    };
  }
}

function partName(part: RulePart): RecordPart {
  return part === 'headers' ? 'header' : part;
}

function resolved(
  serde: string,
  schema: string | null,
  messageType: string | null,
  rule: number | null,
  canEncode: boolean,
): ResolvedSerde {
  return { serde, schema, messageType, rule, canEncode };
}
