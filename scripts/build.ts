/** Entry point of `npm run build`: `astro build`, then the search index (see src/lib/site-build.ts). */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearchIndex } from '../src/integrations/search-index';
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
  cwd: process.cwd(),
  runAstroBuild: (argv) =>
    new Promise((done, fail) => {
      const astro = spawn(process.execPath, [astroBin, 'build', ...argv], { stdio: 'inherit' });
      astro.on('error', fail);
      astro.on('close', (code) => {
        done(code ?? 1);
      });
    }),
  indexSite: async (outDir) => {
    await buildSearchIndex({ dir: pathToFileURL(`${outDir}/`), logger });
  },
  stderr: process.stderr,
});
// Last, so the build leaves no process behind: the esbuild service tsx started to load this script (see stopEsbuildServices).
await stopEsbuildServices([]);
