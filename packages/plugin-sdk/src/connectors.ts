/**
 * A guide for one Kafka Connect plugin: better defaults, the keys most users need first, and the
 * expert keys hidden until asked for. Keys are Connect's config names.
 */
export interface ConnectorTemplate {
  /** Unique among templates, e.g. `mirror-source`. */
  id: string;
  title: string;
  description?: string;
  /** The connector class it is for, as `GET /connector-plugins` names it. */
  connectorClass: string;
  type: 'source' | 'sink';
  /** Config values filled in when a connector is created from the template. */
  defaults: Record<string, string>;
  /** Keys shown first, in this order. */
  essentialKeys: string[];
  /** Keys hidden behind "expert settings". */
  expertKeys?: string[];
}
