import { type Payload, RAW_SERDE, type ResolvedSerde } from '@weir/api';
import type { Decoded, Decoder, Serde, SerdeBinding } from '@weir/plugin-sdk';
import { renderPayload } from '../messages/payload.ts';
import { SERDE_DEADLINE_MS, TIMED_OUT, within } from '../plugins/deadline.ts';
import type { PluginHost } from '../plugins/plugin-host.ts';

/** What reading one part gave: a decoded value, or the raw bytes with why no serde could decode them. */
type RawResult = { decoded: null; serde: typeof RAW_SERDE; error: string | null };
export type PartResult = { decoded: Decoded; serde: string; json: string } | RawResult;

const RAW: RawResult = { decoded: null, serde: RAW_SERDE, error: null };

/** A serde chosen for a part, its decoder built on first use (and the failure to build it, once). */
interface Chosen {
  pluginId: string;
  serde: Serde;
  binding: SerdeBinding;
  decoder: Promise<Decoder> | null;
}

/**
 * Reads one part (key, value or each header) of a topic's records: with the serde a rule chose, or
 * automatically (the first serde whose `detects` accepts the bytes), else raw. A decode error is the
 * record's own (shown raw with the reason); a serde that throws where its contract says it must not
 * (`detects`, a value that is not JSON) has its plugin disabled by the host.
 */
export class PartReader {
  readonly resolved: ResolvedSerde;
  readonly #host: PluginHost;
  readonly #chosen: Chosen | null;
  readonly #problem: string | null;
  readonly #automatic: Chosen[];
  readonly #deadlineMs: number;

  constructor(options: {
    host: PluginHost;
    resolved: ResolvedSerde;
    /** The rule's serde, or null for automatic choice (or raw). */
    chosen: { pluginId: string; serde: Serde; binding: SerdeBinding } | null;
    /** Why the rule's serde cannot be used (it is missing, its schema is gone); records show it. */
    problem?: string | null;
    automatic: { pluginId: string; serde: Serde; binding: SerdeBinding }[];
    /** How long one decode may take (ms); SERDE_DEADLINE_MS unless a test shortens it. */
    decodeDeadlineMs?: number;
  }) {
    this.#host = options.host;
    this.resolved = options.resolved;
    this.#chosen = options.chosen && { ...options.chosen, decoder: null };
    this.#problem = options.problem ?? null;
    this.#automatic = options.automatic.map((a) => ({ ...a, decoder: null }));
    this.#deadlineMs = options.decodeDeadlineMs ?? SERDE_DEADLINE_MS;
  }

  /** False when every record is shown raw without looking at it: no rule, and nothing to detect. */
  get mayDecode(): boolean {
    return this.#chosen !== null || this.#automatic.length > 0;
  }

  async read(bytes: Uint8Array | null): Promise<PartResult | null> {
    if (bytes === null) return null;
    if (this.#problem) return { ...RAW, error: this.#problem };
    const chosen = this.#chosen ?? this.#detect(bytes);
    if (!chosen) return RAW;
    if (chosen.serde.id === RAW_SERDE) return RAW;
    // A reader outlives its plugin's failure (a search holds it to its end): ask no more of it.
    const inactive = this.#host.inactiveReason(chosen.pluginId);
    if (inactive) return { ...RAW, error: `${chosen.serde.id}: ${inactive}` };
    let decoded: Decoded;
    try {
      chosen.decoder ??= Promise.resolve().then(() => chosen.serde.decoder(chosen.binding));
      const decoding = chosen.decoder.then((decoder) => decoder(bytes));
      const answer = await within(decoding, this.#deadlineMs);
      if (answer === TIMED_OUT) {
        const reason = `serde ${chosen.serde.id}'s decoder gave no answer within ${this.#deadlineMs} ms`;
        this.#host.fail(chosen.pluginId, reason);
        return { ...RAW, error: `${chosen.serde.id} is disabled: ${reason}` };
      }
      decoded = answer;
    } catch (error) {
      return { ...RAW, error: `${chosen.serde.id}: ${(error as Error)?.message ?? String(error)}` };
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(decoded?.value);
    } catch (error) {
      json = undefined;
      this.#host.fail(
        chosen.pluginId,
        `serde ${chosen.serde.id} decoded a value that is not JSON: ${(error as Error).message}`,
      );
    }
    const schema = (decoded as Decoded | null)?.schema;
    if (
      json === undefined ||
      decoded === null ||
      typeof decoded !== 'object' ||
      (schema !== undefined && typeof schema !== 'string')
    ) {
      this.#host.fail(
        chosen.pluginId,
        `serde ${chosen.serde.id} decoded to something that is not { value, schema? } with a JSON value and a string schema`,
      );
      return { ...RAW, error: `${chosen.serde.id} is disabled: its decoder broke the plugin API` };
    }
    return { decoded, serde: chosen.serde.id, json };
  }

  /** The payload people see: decoded JSON text, or the raw view with the reason it is raw. */
  async render(bytes: Uint8Array | null, maxBytes: number): Promise<Payload> {
    const result = await this.read(bytes);
    return renderResult(bytes, result, maxBytes);
  }

  #detect(bytes: Uint8Array): Chosen | null {
    for (const candidate of this.#automatic) {
      const { serde, binding, pluginId } = candidate;
      if (this.#host.inactiveReason(pluginId)) continue;
      let found = false;
      try {
        found = this.#host.runSync(
          pluginId,
          `serde ${serde.id}'s detects`,
          () => serde.detects?.(bytes, binding) === true,
        );
      } catch {
        continue;
      }
      if (found) return candidate;
    }
    return null;
  }
}

/** A part as shown: decoded (its JSON cut at `maxBytes`), raw, or null. */
export function renderResult(bytes: Uint8Array | null, result: PartResult | null, maxBytes: number): Payload {
  if (bytes === null || result === null) return { kind: 'null', size: 0 };
  if (result.decoded === null) {
    const raw = renderPayload(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), maxBytes);
    if (!result.error || raw.kind === 'null' || raw.kind === 'decoded') return raw;
    return { ...raw, decodeError: result.error };
  }
  const text = Buffer.from(result.json, 'utf8');
  const truncated = text.length > maxBytes;
  return {
    kind: 'decoded',
    text: truncated ? text.subarray(0, maxBytes).toString('utf8') : result.json,
    size: bytes.length,
    truncated,
    serde: result.serde,
    schema: result.decoded.schema ?? null,
  };
}
