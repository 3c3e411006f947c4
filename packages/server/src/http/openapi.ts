/**
 * OpenAPI's `required` means "the caller must send it". A property with a default is filled in by
 * validation (useDefaults), so the caller may leave it out; TypeBox still lists it as required
 * because the handler always sees it. For @fastify/swagger's `transformObject`: every property and
 * parameter with a default becomes optional in the published document, whatever schema it sits in.
 */
export function optionalDefaults<T>(document: T): T {
  visit(document);
  return document;
}

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const properties = schema.properties as Record<string, { default?: unknown }> | undefined;
  if (Array.isArray(schema.required) && properties && typeof properties === 'object') {
    const required = schema.required.filter((name: string) => properties[name]?.default === undefined);
    if (required.length > 0) schema.required = required;
    else delete schema.required;
  }
  // A parameter object: { in: 'query', name, required, schema: { default } }.
  const parameterSchema = schema.schema as { default?: unknown } | undefined;
  if (typeof schema.in === 'string' && parameterSchema?.default !== undefined) schema.required = false;
  for (const value of Object.values(schema)) visit(value);
}
