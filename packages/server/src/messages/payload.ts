import type { Payload, PayloadEncoding } from './messages.types.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Tab, line feed and carriage return are text; other C0 controls and DEL mean bytes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Renders bytes for people; beyond `maxBytes` the rest is cut and marked truncated. */
export function renderPayload(bytes: Buffer | null, maxBytes: number): Payload {
  if (bytes === null) return { kind: 'null', size: 0 };
  const truncated = bytes.length > maxBytes;
  const shown = truncated ? bytes.subarray(0, maxBytes) : bytes;
  const text = decodeText(shown, truncated);
  if (text === null)
    return { kind: 'binary', base64: shown.toString('base64'), size: bytes.length, truncated };
  return { kind: !truncated && looksLikeJson(text) ? 'json' : 'text', text, size: bytes.length, truncated };
}

function decodeText(bytes: Buffer, truncated: boolean): string | null {
  try {
    // A cut may split a multi-byte character; decode leniently only then.
    const text = truncated ? bytes.toString('utf8') : strictUtf8.decode(bytes);
    return CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const PAYLOAD_ENCODINGS = [
  'text',
  'json',
  'base64',
  'hex',
] as const satisfies readonly PayloadEncoding[];

/** The bytes a user typed: text as UTF-8, JSON re-serialised (so it is valid), base64 or hex decoded. */
export function encodePayload(input: string, encoding: PayloadEncoding): Buffer {
  switch (encoding) {
    case 'text':
      return Buffer.from(input, 'utf8');
    case 'json':
      return Buffer.from(JSON.stringify(JSON.parse(input)), 'utf8');
    case 'base64':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.replace(/\s/g, '')))
        throw new SyntaxError('is not base64 (A-Z, a-z, 0-9, +, / and = padding)');
      return Buffer.from(input, 'base64');
    case 'hex':
      if (!/^([0-9a-fA-F]{2})*$/.test(input.replace(/\s/g, '')))
        throw new SyntaxError('is not hex (pairs of 0-9, a-f)');
      return Buffer.from(input.replace(/\s/g, ''), 'hex');
  }
}
