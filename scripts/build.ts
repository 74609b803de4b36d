/** Entry point of `npm run build`: `astro build`, then the search index (see src/lib/site-build.ts). */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearchIndex } from '../src/integrations/search-index';
import type { PagesWrittenMessage } from '../src/integrations/pages-written';
import { stopEsbuildServices } from '../src/lib/process-table';
import { runSiteBuild } from '../src/lib/site-build';

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
/** Astro's clock in its log lines (`dateTimeFormat` in astro/dist/core/logger/core.js). */
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
/** Logs as Astro's integrations do: `14:02:29 [postmortems:search-index] …`. */
const logger = {
  info: (message: string) => {
    console.log(`${clock.format(new Date())} [postmortems:search-index] ${message}`);
  },
};

process.exitCode = await runSiteBuild({
  argv: process.argv.slice(2),
  startAstroBuild: (argv) => {
    // The IPC channel carries the pages-written message (src/integrations/pages-written.ts).
    const astro = spawn(process.execPath, [astroBin, 'build', ...argv], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<number>((done) => {
      astro.on('error', (error) => {
        process.stderr.write(`build: could not start astro build: ${error.message}\n`);
        done(1);
      });
      astro.on('close', (code) => {
        done(code ?? 1);
      });
    });
    const pagesWritten = new Promise<string | undefined>((done) => {
      astro.on('message', (message: Partial<PagesWrittenMessage>) => {
        if (message.type === 'pages-written' && typeof message.outDir === 'string') done(message.outDir);
      });
      void exited.then(() => {
        done(undefined);
      });
    });
    return { pagesWritten, exited };
  },
  indexSite: async (outDir, buildSucceeded) => {
    await buildSearchIndex({ dir: pathToFileURL(`${outDir}/`), logger, readyToWrite: () => buildSucceeded });
  },
  stderr: process.stderr,
});
// Last, so the build leaves no process behind: the esbuild service tsx started to load this script (see stopEsbuildServices).
await stopEsbuildServices([]);
