// The `weir` command line: `serve` runs the server; every other command is the CLI's, which talks to
// a server over HTTP only. The server is loaded for `serve` alone, so `weir topics list` starts
// without it.
import { run } from '@weir/cli';

await run(process.argv.slice(2), {
  serve: async (args) => (await import('./serve.ts')).serveCommand(args),
});
