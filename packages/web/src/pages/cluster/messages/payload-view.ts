import type { Payload } from '../../../api/messages.ts';

export type PayloadView = 'pretty' | 'text' | 'hex' | 'base64';

function bytesOf(payload: Payload): Uint8Array {
  if (payload.kind === 'binary') return Uint8Array.from(atob(payload.base64), (c) => c.charCodeAt(0));
  if (payload.kind === 'null') return new Uint8Array();
  return new TextEncoder().encode(payload.text);
}

/** How a key or value reads in a given view; binary shows as hex under "pretty" and "text". */
export function showPayload(payload: Payload, view: PayloadView): string {
  if (payload.kind === 'null') return 'null';
  if (view === 'base64')
    return payload.kind === 'binary' ? payload.base64 : btoa(String.fromCharCode(...bytesOf(payload)));
  if (view === 'hex' || payload.kind === 'binary')
    return Array.from(bytesOf(payload), (b) => b.toString(16).padStart(2, '0')).join(' ');
  if (view === 'pretty' && payload.kind === 'json') return JSON.stringify(JSON.parse(payload.text), null, 2);
  return payload.text;
}

/** One line for a table cell. */
export function previewPayload(payload: Payload, max = 120): string {
  const text = payload.kind === 'binary' ? `⟨${payload.size} B binary⟩` : showPayload(payload, 'text');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
