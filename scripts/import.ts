/** Entry point of `npm run import`; see src/lib/import/run.ts. */
import { fileURLToPath } from 'node:url';
import { Presets, SingleBar } from 'cli-progress';
import { processContext } from '../src/lib/cli';
import { runImport, type Progress } from '../src/lib/import/run';
import siteConfig from '../src/site.config';

/** Sources below which a bar would only flicker. */
const PROGRESS_FROM = 50;

/** A progress bar on stderr, when it is a terminal and the import is large enough to wait for. */
function progressBar(total: number): Progress | undefined {
  if (!process.stderr.isTTY || total < PROGRESS_FROM) return undefined;
  const bar = new SingleBar(
    { format: 'Reading {bar} {value}/{total} sources', stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => {
      bar.increment();
    },
    stop: () => {
      bar.stop();
    },
  };
}

process.exitCode = await runImport({
  ...processContext(fileURLToPath(new URL('..', import.meta.url)), siteConfig),
  // npm runs scripts from the project root; paths on the command line are the caller's.
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  progress: progressBar,
});
