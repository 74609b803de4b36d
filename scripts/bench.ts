/** Entry point of `npm run bench`; see scripts/bench/run.ts. */
import { fileURLToPath } from 'node:url';
import { runBench } from './bench/run';
import { measureSearchTransfer } from './bench/search';

process.exitCode = await runBench({
  root: fileURLToPath(new URL('..', import.meta.url)),
  node: process.execPath,
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  measureSearch: (dir) => measureSearchTransfer(dir),
  now: new Date(),
});
