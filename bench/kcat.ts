import { spawn } from 'node:child_process';

/**
 * kcat -C -e reads a topic from the beginning to its end, and what it printed is counted:
 * - `values`: each value on its own line (kcat's default output), counted by lines, for text values;
 * - `records`: one `.` per record, counted by bytes, exact whatever bytes the values hold.
 * @returns the count and the wall time (ms). @throws Error when kcat fails or is not installed.
 */
export function kcatScan(
  bootstrap: string,
  topic: string,
  print: 'values' | 'records',
): Promise<{ count: number; ms: number }> {
  const command =
    print === 'values'
      ? `kcat -C -b ${bootstrap} -t ${topic} -o beginning -e -q | wc -l`
      : `kcat -C -b ${bootstrap} -t ${topic} -o beginning -e -q -f '.' | wc -c`;
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise({ count: Number(output.trim()), ms: performance.now() - started })
        : reject(new Error(`kcat exited with ${code}; is it installed (apt-get install kcat)?`)),
    );
  });
}
