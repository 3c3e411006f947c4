import { type Payload, type PayloadEncoding, RAW_SERDE } from '@weir/api';

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
    return {
      kind: 'binary',
      base64: shown.toString('base64'),
      size: bytes.length,
      truncated,
      serde: RAW_SERDE,
    };
  return {
    kind: !truncated && looksLikeJson(text) ? 'json' : 'text',
    text,
    size: bytes.length,
    truncated,
    serde: RAW_SERDE,
  };
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

/** The bytes a user typed: text as UTF-8, JSON re-serialised (so it is valid), base64 or hex decoded. */
export function encodePayload(input: string, encoding: PayloadEncoding): Buffer {
  switch (encoding) {
    case 'text':
      return Buffer.from(input, 'utf8');
    case 'json':
      return Buffer.from(JSON.stringify(JSON.parse(input)), 'utf8');
    case 'base64':
      return decodeBase64(input.replace(/\s/g, ''));
    case 'hex':
      if (!/^([0-9a-fA-F]{2})*$/.test(input.replace(/\s/g, '')))
        throw new SyntaxError('is not hex: use pairs of 0-9 and a-f, e.g. 6869 for "hi"');
      return Buffer.from(input.replace(/\s/g, ''), 'hex');
  }
}

/**
 * Standard base64 (RFC 4648 section 4), padded or not, refusing what Node's decoder would quietly
 * accept: a length that leaves a lone character ("z"), or final bits that are not zero ("zz" is not
 * the encoding of any bytes; "zw" or "zw==" is).
 */
function decodeBase64(text: string): Buffer {
  const fix = 'use standard base64 (A-Z, a-z, 0-9, +, /, = padding), e.g. aGk= for "hi"';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SyntaxError(`is not base64: ${fix}`);
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1 || (text.includes('=') && text.length % 4 !== 0))
    throw new SyntaxError(`is not base64 (its length does not fit): ${fix}`);
  const bytes = Buffer.from(unpadded, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== unpadded)
    throw new SyntaxError(`is not base64 (the last character carries bits that encode nothing): ${fix}`);
  return bytes;
}
