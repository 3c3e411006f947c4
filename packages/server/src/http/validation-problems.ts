import { RULE_KEYWORD } from './validation.ts';

/** One Ajv error as reported with `verbose: true` (the keyword's schema, its parent and the value). */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

type Schema = Record<string, unknown>;

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: 'a UUID, e.g. 0b6f3c1e-7d0a-4c5b-9a7e-2f1d8c9b4a10',
  uri: 'an absolute URL, e.g. http://connect1:8083',
  'date-time': 'an RFC 3339 date-time, e.g. 2026-01-31T12:00:00Z',
};

/**
 * Turns schema errors into one sentence each, "where: what is wrong; how to fix it". A union
 * reports only the branch the value chose (by its discriminator, e.g. `type`), a union of literals
 * lists the allowed values once, and a pattern shows the schema's human rule (`x-rule`) instead of
 * the regular expression.
 *
 * @param part where the value came from: `body`, `querystring`, `params` or `headers` (Fastify's
 *   validationContext); it starts every field path.
 */
export function describeSchemaIssues(issues: readonly SchemaIssue[], part: string): string[] {
  const sentences = describeSet(issues, part);
  return [...new Set(sentences)];
}

function describeSet(issues: readonly SchemaIssue[], part: string): string[] {
  const unions = issues
    .filter((issue) => issue.keyword === 'anyOf' || issue.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  const consumed = new Set<SchemaIssue>();
  const sentences: string[] = [];
  for (const union of unions) {
    if (consumed.has(union)) continue;
    const inner = issues.filter((issue) => issue.schemaPath.startsWith(`${union.schemaPath}/`));
    consumed.add(union);
    for (const issue of inner) consumed.add(issue);
    sentences.push(...describeUnion(union, inner, part));
  }
  for (const issue of issues) if (!consumed.has(issue)) sentences.push(describeIssue(issue, part));
  return sentences;
}

function describeUnion(union: SchemaIssue, inner: SchemaIssue[], part: string): string[] {
  const field = fieldOf(part, union.instancePath);
  const branches = (Array.isArray(union.schema) ? union.schema : []) as Schema[];
  const literals = branches.map(literalOf);
  if (literals.length > 0 && literals.every((value) => value !== undefined)) {
    return [`${field}: is ${show(union.data)}; use one of ${literals.map(show).join(', ')}.`];
  }
  const tag = discriminatorOf(branches);
  if (tag) {
    const allowed = branches.map((branch) => literalOf(propertiesOf(branch)[tag] as Schema));
    const data = union.data;
    if (!isObject(data)) return [`${field}: ${typeFix(['object'], data)}`];
    const chosen = allowed.indexOf(data[tag]);
    if (chosen === -1) {
      const sent = tag in data ? `is ${show(data[tag])}` : 'is missing';
      return [`${field}.${tag}: ${sent}; use one of ${allowed.map(show).join(', ')}.`];
    }
    const branchPath = `${union.schemaPath}/${chosen}/`;
    return describeSet(
      inner.filter((issue) => issue.schemaPath.startsWith(branchPath)),
      part,
    );
  }
  const types = branches.map((branch) => branch.type).filter((type) => typeof type === 'string');
  if (types.length === branches.length && !types.includes(jsonType(union.data))) {
    return [`${field}: ${typeFix(types as string[], union.data)}`];
  }
  // No way to tell which form was meant: report the form that came closest.
  const byBranch = branches.map((_, index) =>
    inner.filter((issue) => issue.schemaPath.startsWith(`${union.schemaPath}/${index}/`)),
  );
  const closest = byBranch.reduce((best, errors) => (errors.length < best.length ? errors : best));
  return describeSet(closest, part);
}

function describeIssue(issue: SchemaIssue, part: string): string {
  const field = fieldOf(part, issue.instancePath);
  const parent = issue.parentSchema ?? {};
  const data = issue.data;
  const params = issue.params;
  switch (issue.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return `${fieldOf(part, `${issue.instancePath}/${name}`)}: is missing; ${addHint(parent, name)}`;
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(propertiesOf(parent));
      const list = known.length > 0 ? ` (known fields: ${known.join(', ')})` : '';
      return `${fieldOf(part, `${issue.instancePath}/${name}`)}: is not a known field; remove it${list}.`;
    }
    case 'type': {
      if (issue.instancePath === '' && part === 'body' && (data === undefined || data === null)) {
        return `body: is missing; ${bodyHint(parent)}`;
      }
      const expected = [params.type].flat() as string[];
      // A secret sent with the wrong type is still a secret: say what is wanted, never echo it.
      if (/write-only/i.test(String(parent.description ?? ''))) {
        return `${field}: must be ${expected.map(article).join(' or ')} (the value sent is not shown: the field is write-only).`;
      }
      return `${field}: ${typeFix(expected, data)}`;
    }
    case 'pattern': {
      const rule = parent[RULE_KEYWORD];
      return `${field}: ${show(data)} is not allowed; ${typeof rule === 'string' ? rule : `it must match ${String(params.pattern)}`}.`;
    }
    case 'format': {
      const rule = parent[RULE_KEYWORD];
      const format = String(params.format);
      const fix = typeof rule === 'string' ? rule : `use ${FORMAT_EXAMPLES[format] ?? `a valid ${format}`}`;
      return `${field}: ${show(data)} is not allowed; ${fix}.`;
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return `${field}: is ${show(data)}; use ${issue.keyword === 'minimum' ? 'at least' : 'more than'} ${String(params.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${field}: is ${show(data)}; use ${issue.keyword === 'maximum' ? 'at most' : 'less than'} ${String(params.limit)}.`;
    case 'minLength':
      return typeof data === 'string' && data.length === 0
        ? `${field}: is empty; give a value.`
        : `${field}: is ${lengthOf(data)} characters long; use at least ${String(params.limit)}.`;
    case 'maxLength':
      return `${field}: is ${lengthOf(data)} characters long; use at most ${String(params.limit)}.`;
    case 'minItems':
      return `${field}: has ${lengthOf(data)} item(s); give at least ${String(params.limit)}.`;
    case 'maxItems':
      return `${field}: has ${lengthOf(data)} items; give at most ${String(params.limit)}.`;
    case 'uniqueItems':
      return `${field}: items ${String(params.j)} and ${String(params.i)} are the same; remove one.`;
    case 'const':
      return `${field}: is ${show(data)}; use ${show(params.allowedValue)}.`;
    case 'enum':
      return `${field}: is ${show(data)}; use one of ${((params.allowedValues as unknown[]) ?? []).map(show).join(', ')}.`;
    default:
      return `${field}: ${issue.message ?? 'is invalid'}.`;
  }
}

/** What to send instead of a value of the wrong JSON type. */
function typeFix(expected: string[], data: unknown): string {
  const sent = jsonType(data);
  const wanted = expected.map((type) => (type === 'integer' ? 'a whole number' : article(type))).join(' or ');
  const fixes: string[] = [];
  if (expected.includes('string') && (sent === 'number' || sent === 'boolean'))
    fixes.push(`send it in quotes: ${JSON.stringify(String(data))}`);
  if ((expected.includes('integer') || expected.includes('number')) && sent === 'string') {
    const text = String(data).trim();
    fixes.push(
      text !== '' && Number.isFinite(Number(text))
        ? `send it without quotes: ${Number(text)}`
        : 'send a JSON number',
    );
  }
  if (expected.includes('integer') && sent === 'number') fixes.push('use a whole number');
  if (expected.includes('boolean') && sent === 'string') fixes.push('send true or false without quotes');
  if (expected.includes('array') && sent !== 'array')
    fixes.push(`send a list, e.g. [${data === undefined ? '' : JSON.stringify(data)}]`);
  const fix = fixes.length > 0 ? `; ${fixes.join(', or ')}` : '';
  return `must be ${wanted}, not ${article(sent)} (${show(data)})${fix}.`;
}

function addHint(parent: Schema, name: string): string {
  const description = (propertiesOf(parent)[name] as Schema | undefined)?.description;
  return `add it${typeof description === 'string' ? ` (${description})` : ''}.`;
}

function bodyHint(schema: Schema): string {
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  if (required.length === 0) return 'send a JSON object (content-type: application/json).';
  const example = Object.fromEntries(required.map((name) => [name, '…']));
  const described = required
    .map((name) => {
      const description = (propertiesOf(schema)[name] as Schema | undefined)?.description;
      return typeof description === 'string' ? `${name}: ${description}` : null;
    })
    .filter((line) => line !== null);
  const why = described.length > 0 ? ` (${described.join('; ')})` : '';
  return `send a JSON body (content-type: application/json) such as ${JSON.stringify(example)}${why}.`;
}

/** The one value a branch allows (`const`, or a one-item `enum`), if it is a literal. */
function literalOf(branch: Schema | undefined): unknown {
  if (!branch) return undefined;
  if ('const' in branch) return branch.const;
  if (Array.isArray(branch.enum) && branch.enum.length === 1) return branch.enum[0];
  return undefined;
}

/** A property that every branch pins to a different literal, as `type` does in `{type: 'offset', …}`. */
function discriminatorOf(branches: Schema[]): string | null {
  if (branches.length === 0 || !branches.every((branch) => branch.type === 'object')) return null;
  const candidates = Object.keys(propertiesOf(branches[0]!));
  return (
    candidates.find((name) => {
      const values = branches.map((branch) => literalOf(propertiesOf(branch)[name] as Schema | undefined));
      return values.every((value) => value !== undefined) && new Set(values).size === values.length;
    }) ?? null
  );
}

const propertiesOf = (schema: Schema): Record<string, unknown> =>
  isObject(schema.properties) ? schema.properties : {};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value === undefined) return 'nothing';
  return typeof value;
}

function article(type: string): string {
  if (type === 'null' || type === 'nothing') return type;
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

const lengthOf = (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : 0);

/** A value as it appears in JSON, shortened so a 10,000-character string does not fill the message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `/messages/0/headers/1` → `body.messages[0].headers[1]` (JSON Pointer escapes undone). */
function fieldOf(part: string, instancePath: string): string {
  const segments = instancePath.split('/').slice(1);
  let field = part;
  for (const raw of segments) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    field += /^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`;
  }
  return field;
}
