import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { DomainError, ForbiddenError } from '../errors.ts';
import { SESSION_COOKIE } from './access-control.ts';

/**
 * The Content-Security-Policy of every response. Scripts, styles, fonts and API calls come from
 * Weir's own origin only; nothing may frame Weir (clickjacking), submit forms elsewhere or load
 * plugins. `data:` images and fonts are the ones antd and Swagger UI inline in their CSS.
 * `upgrade-insecure-requests` is left out on purpose: Weir is often opened over plain HTTP on
 * localhost, where upgrading its own requests to HTTPS would break the console.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/**
 * Sets the console page's CSP: the global policy plus a per-response style nonce. antd writes its
 * styles as `<style>` elements at run time (CSS-in-JS), so neither 'self' nor a hash can allow
 * them; the nonce reaches antd through `<meta property="csp-nonce">` (Vite's `html.cspNonce`).
 * Scripts stay 'self' only.
 */
export function setConsoleCsp(reply: FastifyReply, styleNonce: string): void {
  reply.helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, styleSrc: ["'self'", `'nonce-${styleNonce}'`] },
    },
  });
}

/**
 * The one inline style Swagger UI writes: the `<style>` inside its small logo SVG. Allowed by hash
 * on the OpenAPI explorer's pages only; browser-defences.test.ts checks it against the installed
 * bundle, so an upgrade that changes the style fails there, not silently in a browser.
 */
export const SWAGGER_UI_STYLE_HASHES = ["'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"];

/** Hooks for @fastify/swagger-ui's routes (its `uiHooks`): the global CSP plus Swagger UI's style hash. */
export const openApiExplorerHooks = {
  onRequest: async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...CSP_DIRECTIVES, styleSrc: ["'self'", ...SWAGGER_UI_STYLE_HASHES] },
      },
    });
  },
};

/** Methods a browser form or a simple cross-site request can send and that change state (RFC 9110 §9.2.1). */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const originOf = (url: string): string | undefined => {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};

/**
 * Where a browser says the request came from: the Origin header, else Sec-Fetch-Site, else the
 * Referer's origin (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin With Standard Headers" and
 * "Fetch Metadata"). `undefined` when the request says nothing, as non-browser clients do.
 */
function declaredSource(request: FastifyRequest): { sameOrigin: boolean; from: string } | undefined {
  const expected = originOf(`${request.protocol}://${request.host}`);
  const origin = request.headers.origin;
  if (origin !== undefined) return { sameOrigin: originOf(origin) === expected, from: `origin ${origin}` };
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') {
    return { sameOrigin: fetchSite === 'same-origin', from: `a ${fetchSite} page (Sec-Fetch-Site)` };
  }
  const referer = request.headers.referer;
  if (referer !== undefined) {
    return { sameOrigin: originOf(referer) === expected, from: `page ${originOf(referer) ?? referer}` };
  }
  return undefined;
}

/** JSON is the only body the API takes; it also cannot be sent cross-site without a CORS preflight. */
const isJson = (contentType: string) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType);

const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/**
 * Refuses cross-site request forgery. Applies to state-changing requests without an Authorization
 * header: a browser never attaches one cross-site without a CORS preflight, which Weir does not
 * answer, so Bearer-token clients (CLI, scripts) are not affected. Such a request must
 *   - come from Weir's own origin when it says where it came from (also for login, against login
 *     CSRF);
 *   - say where it came from when it carries the session cookie;
 *   - carry JSON, or no body at all.
 * Throws ForbiddenError (403) or a 415 DomainError, each saying why and what to do instead.
 */
export function checkRequestForgery(request: FastifyRequest): void {
  if (!UNSAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return;
  const here = originOf(`${request.protocol}://${request.host}`) ?? request.host;
  const source = declaredSource(request);
  const refusal = `Refused ${request.method} ${request.url.split('?')[0]}`;
  const remedy =
    'Weir accepts writes made with its session cookie only from its own pages (cross-site request forgery guard). ' +
    'Scripts and tools should send an API token (Authorization: Bearer …). ' +
    'Behind a reverse proxy, list it in WEIR_TRUST_PROXY (trustProxy) so Weir sees the scheme and host users open.';
  if (source && !source.sameOrigin) {
    throw new ForbiddenError(`${refusal} from ${source.from}, which is not ${here}. ${remedy}`);
  }
  if (!source && request.cookies[SESSION_COOKIE] !== undefined) {
    throw new ForbiddenError(
      `${refusal}: the request carries the session cookie but no Origin, Sec-Fetch-Site or Referer header. ${remedy}`,
    );
  }
  const contentType = request.headers['content-type'];
  if ((contentType !== undefined || hasBody(request)) && !isJson(contentType ?? '')) {
    throw new DomainError(
      415,
      `${refusal}: the body is ${contentType ?? 'untyped'}; the API takes JSON only. Send Content-Type: application/json.`,
    );
  }
}

/** Helmet's defaults (nosniff, HSTS, cross-origin isolation headers, …) with Weir's policy. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  // Weir's URLs name topics and groups: never send them to another site.
  referrerPolicy: { policy: 'same-origin' },
} satisfies HelmetOptions;

/**
 * Security headers on every response (helmet: CSP, X-Frame-Options DENY, nosniff, Referrer-Policy
 * same-origin, HSTS, cross-origin isolation headers) and the CSRF guard. Register after the cookie
 * plugin, which the guard reads, and before access control, so that 401 and 403 answers carry the
 * headers too.
 */
export async function installBrowserDefences(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, { global: true, ...HELMET_OPTIONS });
  // Fastify answers a URL it cannot route (bad escapes, over-long parameters) before any hook runs;
  // setting the headers on the raw response first covers those answers too. Routed requests set
  // them again through the plugin above, which may narrow them per route.
  const headers = helmet(HELMET_OPTIONS);
  app.server.prependListener('request', (request, response) => headers(request, response, () => {}));
  app.addHook('onRequest', async (request) => checkRequestForgery(request));
}
