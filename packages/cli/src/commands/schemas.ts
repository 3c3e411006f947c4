import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SCHEMA_FORMATS, type SchemaInput } from '@weir/api';
import { type Flags, parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { outputOf, print, printList, SESSION_OPTIONS, showTime } from '../output.ts';
import { openSession } from '../session.ts';
import { renderFields, renderTable } from '../table.ts';

const HELP = `weir schemas — schemas uploaded for the Avro, Protobuf and JSON Schema serdes

  weir schemas list
  weir schemas show <name>
  weir schemas upload <name> --format <format> <file> [--import <path>=<file>]... [--replace]
      the file the schema starts from, then what it imports, by the path its imports name:
      weir schemas upload payments --format protobuf payment.proto --import common/money.proto=./money.proto
  weir schemas delete <name> --confirm <name>

Common: --url, --token, --json, --utc | --local`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  format: { type: 'string', choices: SCHEMA_FORMATS },
  import: { type: 'string', multiple: true },
  replace: { type: 'boolean' },
  confirm: { type: 'string' },
} as const satisfies Flags;

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** `weir schemas`: list, show, upload (create or --replace), delete. */
export async function schemasCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'schemas',
    actions: ['list', 'show', 'upload', 'delete'],
  });
  const output = outputOf(values);
  const session = openSession(values);
  if (action === 'list') {
    const { schemas } = await session.api.schemas.list();
    return printList(output, { items: schemas, total: schemas.length }, () =>
      renderTable(
        ['NAME', 'FORMAT', 'FILES', 'TYPES', 'UPDATED', 'BY'],
        schemas.map((s) => [
          s.name,
          s.format,
          s.files.map((f) => f.path).join(' '),
          s.types.join(' ') || '-',
          showTime(output, new Date(s.updatedAt).toISOString()),
          s.updatedBy,
        ]),
      ),
    );
  }
  const name = positionals[1];
  if (!name) throw new CliError(`Name the schema: weir schemas ${action} <name>`, 2);
  if (action === 'delete') {
    if (values.confirm === undefined)
      throw new CliError(
        `Deleting a schema shows the records of rules naming it raw; repeat its name: --confirm ${name}`,
        2,
      );
    await session.api.schemas.remove(name, String(values.confirm));
    return print(output, { deleted: name }, () => `Deleted schema ${name}.`);
  }
  if (action === 'upload') {
    const main = positionals[2];
    if (!main || values.format === undefined)
      throw new CliError(
        'Give the format and the file: weir schemas upload <name> --format <format> <file>',
        2,
      );
    const imports = ((values.import as string[] | undefined) ?? []).map((spec) => {
      const at = spec.indexOf('=');
      if (at <= 0)
        throw new CliError(
          `--import takes <path>=<file>, e.g. common/money.proto=./money.proto; got "${spec}"`,
          2,
        );
      return { path: spec.slice(0, at), content: readFile(spec.slice(at + 1)) };
    });
    const input: SchemaInput = {
      name,
      format: values.format as SchemaInput['format'],
      files: [{ path: basename(main), content: readFile(main) }, ...imports],
    };
    const { schema } = values.replace
      ? await session.api.schemas.replace(name, input)
      : await session.api.schemas.create(input);
    return print(
      output,
      schema,
      () => `Uploaded ${schema.format} schema ${schema.name}; types: ${schema.types.join(', ') || '-'}`,
    );
  }
  const { schema } = await session.api.schemas.get(name);
  return print(output, schema, () =>
    [
      renderFields([
        ['Schema', schema.name],
        ['Format', schema.format],
        ['Types', schema.types.join(', ') || '-'],
        ['Updated', `${showTime(output, new Date(schema.updatedAt).toISOString())} by ${schema.updatedBy}`],
      ]),
      ...schema.files.flatMap((f) => ['', `--- ${f.path}`, f.content]),
    ].join('\n'),
  );
}
