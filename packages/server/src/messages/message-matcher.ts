import type { FetchedRecord } from '@weir/kafka';
import type { FilterPool } from './filter-pool.ts';
import { compileFilters, type FilterRecord, filterFields, type MatcherFilter } from './message-filter.ts';

/** The parts of records the filters read, as they should read them. */
export type FilterView = (
  records: FetchedRecord[],
  fields: ReturnType<typeof filterFields>,
) => Promise<FilterRecord[]>;

/**
 * A search's filters (all must hold). They are compiled here once to refuse bad ones before any
 * reading, and run in the filter pool's workers, never on the request thread.
 */
export class MessageMatcher {
  readonly #filters: MatcherFilter[];
  readonly #pool: FilterPool | null;
  readonly #fields: ReturnType<typeof filterFields>;
  readonly #view: FilterView | null;

  /**
   * @param view what the filters read instead of the bytes (the decoded JSON of a topic a serde reads).
   * @throws InputError for a filter that cannot be used; Error when there are filters but no pool.
   */
  constructor(filters: MatcherFilter[], pool: FilterPool | null, view: FilterView | null = null) {
    compileFilters(filters);
    if (filters.length && !pool) throw new Error('Filters need a filter pool to run in.');
    this.#filters = filters;
    this.#pool = pool;
    this.#fields = filterFields(filters);
    this.#view = view;
  }

  get isEmpty(): boolean {
    return this.#filters.length === 0;
  }

  /**
   * The records that match, in order.
   * @param timeLeftMs how long the filters may take before the search's time budget is spent.
   * @throws FilterTimeoutError when they take longer.
   */
  async select(records: FetchedRecord[], timeLeftMs: number): Promise<FetchedRecord[]> {
    if (this.isEmpty || records.length === 0) return records;
    const { key, value, headers } = this.#fields;
    const sent: FilterRecord[] = this.#view
      ? await this.#view(records, this.#fields)
      : records.map((r) => ({
          key: key ? r.key : null,
          value: value ? r.value : null,
          headers: headers ? r.headers : [],
        }));
    const verdicts = await (this.#pool as FilterPool).run(
      this.#filters,
      sent,
      Date.now() + Math.max(1, timeLeftMs),
    );
    return records.filter((_, i) => verdicts[i]);
  }
}
