import { type DisplayTimeZone, formatTimestamp } from '@weir/api/display';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

const STORAGE_KEY = 'weir.timeZone';

interface TimeZoneState {
  zone: DisplayTimeZone;
  setZone(zone: DisplayTimeZone): void;
}

const TimeZoneContext = createContext<TimeZoneState>({ zone: 'local', setZone: () => undefined });

/** The user's choice of local time (the default) or UTC for every timestamp, kept in localStorage. */
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [zone, setZoneState] = useState<DisplayTimeZone>(() =>
    localStorage.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local',
  );
  const setZone = (next: DisplayTimeZone) => {
    localStorage.setItem(STORAGE_KEY, next);
    setZoneState(next);
  };
  return <TimeZoneContext.Provider value={{ zone, setZone }}>{children}</TimeZoneContext.Provider>;
}

export const useTimeZone = () => useContext(TimeZoneContext);

/**
 * A formatter of moments in the user's zone, through @weir/api's `formatTimestamp`
 * (`2026-12-02 03:04:05 UTC` or `… UTC+01:00`): takes epoch milliseconds or an ISO 8601 string;
 * `withMs` adds milliseconds. "–" for a missing or unreadable value.
 */
export function useFormatTime(): (at: number | string | null | undefined, withMs?: boolean) => string {
  const { zone } = useTimeZone();
  return useCallback(
    (at, withMs = false) => formatTimestamp(typeof at === 'string' ? Date.parse(at) : at, zone, withMs),
    [zone],
  );
}
