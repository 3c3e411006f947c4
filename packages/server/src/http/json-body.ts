import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { InputError } from '../errors.ts';

/**
 * Parses JSON bodies with errors a person can act on: where the syntax breaks, or which key was
 * refused. `__proto__` and `constructor.prototype` keys are refused (secure-json-parse, as Fastify
 * does) because merging such an object could change every object's prototype. An empty body counts
 * as no body, so a route that needs one says which fields to send.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      done(jsonProblem(text, error as Error), undefined);
    }
  });
}

function jsonProblem(text: string, error: Error): InputError {
  if (/prototype/i.test(error.message)) {
    const key = /"__proto__"\s*:/.test(text) ? '__proto__' : 'constructor.prototype';
    return new InputError(
      `The JSON body has a "${key}" key, which Weir refuses because it could change the prototype of every object; remove or rename that key.`,
      [`body: "${key}" is not allowed as a key; remove or rename it.`],
    );
  }
  // V8 says where: "Unexpected token } in JSON at position 12" or "... (line 1 column 13)".
  return new InputError(
    `The body is not valid JSON (${error.message}); send a JSON document with content-type: application/json.`,
    [`body: is not valid JSON: ${error.message}.`],
  );
}
