/** A progress line on stderr (never stdout, which holds the data). */
export interface Progress {
  /** The latest state, e.g. `scanned 1,000, matched 3`. */
  update(text: string): void;
  /** The last line, always written, ending the progress. */
  done(text: string): void;
}

/** How often a non-terminal stderr (a log file, a pipe) gets a progress line. */
const LOG_INTERVAL_MS = 5_000;

/**
 * Progress on `stream` (stderr by default): redrawn in place with `\r` on a terminal; on anything
 * else one plain line at most every 5 s, so a log holds no carriage returns.
 */
export function startProgress(
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  const tty = Boolean(stream.isTTY);
  let drawn = false;
  let lastLogged = now();
  return {
    update(text) {
      if (tty) {
        stream.write(`\r${text}\x1b[K`);
        drawn = true;
      } else if (now() - lastLogged >= LOG_INTERVAL_MS) {
        stream.write(`${text}\n`);
        lastLogged = now();
      }
    },
    done(text) {
      stream.write(tty && drawn ? `\r${text}\x1b[K\n` : `${text}\n`);
    },
  };
}
