import type { Payload } from '../../../api/messages.ts';

export type PayloadView = 'pretty' | 'text' | 'hex' | 'base64';

/** A part's bytes as the server sent them; a decoded part is sent as its JSON, not its bytes. */
function bytesOf(payload: Exclude<Payload, { kind: 'decoded' }>): Uint8Array {
  if (payload.kind === 'binary') return Uint8Array.from(atob(payload.base64), (c) => c.charCodeAt(0));
  if (payload.kind === 'null') return new Uint8Array();
  return new TextEncoder().encode(payload.text);
}

/** JSON text indented; as it came when it does not parse (a value cut at the size limit). */
function indented(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Whether "pretty" (indented JSON) is the view a part opens in. */
export const readsAsJson = (payload: Payload): boolean =>
  payload.kind === 'json' || payload.kind === 'decoded';

/**
 * How a key or value reads in a given view; binary shows as hex under "pretty" and "text". A part a
 * serde decoded has no bytes here, so it shows as its JSON in every view (indented under "pretty").
 */
export function showPayload(payload: Payload, view: PayloadView): string {
  if (payload.kind === 'null') return 'null';
  if (payload.kind === 'decoded') return view === 'pretty' ? indented(payload.text) : payload.text;
  if (view === 'base64')
    return payload.kind === 'binary' ? payload.base64 : btoa(String.fromCharCode(...bytesOf(payload)));
  if (view === 'hex' || payload.kind === 'binary')
    return Array.from(bytesOf(payload), (b) => b.toString(16).padStart(2, '0')).join(' ');
  if (view === 'pretty' && payload.kind === 'json') return indented(payload.text);
  return payload.text;
}

/** One line for a table cell. */
export function previewPayload(payload: Payload, max = 120): string {
  const text = payload.kind === 'binary' ? `⟨${payload.size} B binary⟩` : showPayload(payload, 'text');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
