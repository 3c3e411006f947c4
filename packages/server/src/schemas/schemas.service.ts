import type { SchemaDetail, SchemaInput, SchemaView } from '@weir/api';
import type { SchemaFormat } from '@weir/plugin-sdk';
import { type SchemaRecord, type SchemasRepository, UniqueViolationError } from '@weir/store';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../changes/actor.ts';
import { assertConfirmed } from '../changes/confirm-name.ts';
import { ConflictError, InputError, NotFoundError } from '../errors.ts';
import type { PluginHost } from '../plugins/plugin-host.ts';
import type { SerdesService } from '../serdes/serdes.service.ts';

const toView = (record: SchemaRecord): SchemaView => ({
  name: record.name,
  format: record.format as SchemaView['format'],
  files: record.files.map((f) => ({ path: f.path, size: Buffer.byteLength(f.content) })),
  types: record.types,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
});

/**
 * Schemas uploaded for the serdes. Each is checked, before it is stored, by the active serde that
 * reads its format (its `describeSchema`), which also names the types it defines.
 */
export class SchemasService {
  readonly #schemas: SchemasRepository;
  readonly #serdes: SerdesService;
  readonly #host: PluginHost;
  readonly #audit: AuditService;

  constructor(deps: {
    schemas: SchemasRepository;
    serdes: SerdesService;
    host: PluginHost;
    audit: AuditService;
  }) {
    this.#schemas = deps.schemas;
    this.#serdes = deps.serdes;
    this.#host = deps.host;
    this.#audit = deps.audit;
  }

  async list(): Promise<SchemaView[]> {
    return (await this.#schemas.list()).map(toView);
  }

  /** @throws NotFoundError */
  async get(name: string): Promise<SchemaDetail> {
    const record = await this.#schemas.find(name);
    if (!record) throw new NotFoundError(`No schema "${name}" is uploaded; GET /api/v1/schemas lists them.`);
    return { ...toView(record), files: record.files };
  }

  /** @throws InputError for a schema its serde refuses; ConflictError when the name is taken. */
  async create(input: SchemaInput, actor: Actor): Promise<SchemaDetail> {
    const record = await this.#checked(input, actor);
    try {
      await this.#schemas.insert(record);
    } catch (error) {
      if (error instanceof UniqueViolationError)
        throw new ConflictError(
          `A schema named "${input.name}" exists; replace it with PUT /api/v1/schemas/${input.name}.`,
        );
      throw error;
    }
    await this.#record(actor, 'schema.create', input.name, null, toView(record));
    return this.get(input.name);
  }

  /** @throws InputError; NotFoundError when there is none to replace. */
  async replace(name: string, input: SchemaInput, actor: Actor): Promise<SchemaDetail> {
    if (input.name !== name)
      throw new InputError(
        `body.name: "${input.name}" differs from the schema in the path, "${name}"; a schema keeps its name.`,
      );
    const before = await this.get(name);
    const record = await this.#checked(input, actor);
    await this.#schemas.replace(record);
    this.#serdes.invalidate();
    await this.#record(actor, 'schema.replace', name, { types: before.types }, toView(record));
    return this.get(name);
  }

  /** @throws InputError unless `confirmName` repeats the name; NotFoundError */
  async remove(name: string, confirmName: string, actor: Actor): Promise<void> {
    assertConfirmed('schema', name, confirmName);
    if (!(await this.#schemas.remove(name)))
      throw new NotFoundError(`No schema "${name}" is uploaded; nothing was removed.`);
    this.#serdes.invalidate();
    await this.#record(actor, 'schema.delete', name, null, null);
  }

  async #checked(input: SchemaInput, actor: Actor): Promise<SchemaRecord> {
    const paths = input.files.map((f) => f.path);
    const repeated = paths.find((p, i) => paths.indexOf(p) !== i);
    if (repeated)
      throw new InputError(`body.files: "${repeated}" is given twice; each file has its own path.`);
    const checker = this.#serdes.schemaChecker(input.format as SchemaFormat);
    if (!checker)
      throw new InputError(
        `No active serde reads ${input.format} schemas, so this one cannot be checked; enable the plugin that provides it (weir.serdes).`,
      );
    const describe = checker.extension.describeSchema as NonNullable<typeof checker.extension.describeSchema>;
    let types: string[];
    try {
      types = describe({ name: input.name, format: input.format as SchemaFormat, files: input.files }).types;
    } catch (error) {
      const reason = (error as Error)?.message ?? String(error);
      throw new InputError(`The ${input.format} schema is invalid: ${reason}`, [`body.files: ${reason}`]);
    }
    if (!Array.isArray(types) || types.some((t) => typeof t !== 'string'))
      throw this.#host.fail(
        checker.pluginId,
        `serde ${checker.extension.id}'s describeSchema returned no list of type names`,
      );
    return {
      name: input.name,
      format: input.format,
      files: input.files,
      types,
      updatedAt: Date.now(),
      updatedBy: actor.principal.username,
    };
  }

  #record(actor: Actor, action: string, name: string, before: unknown, after: unknown): Promise<void> {
    return this.#audit.record(actor, {
      action,
      targetType: 'schema',
      target: name,
      before,
      after,
      result: 'success',
    });
  }
}
