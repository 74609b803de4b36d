/** Entry point of `npm run check`; see src/lib/check/run.ts. */
import { fileURLToPath } from 'node:url';
import { runCheck } from '../src/lib/check/run';
import { processContext } from '../src/lib/cli';
import siteConfig from '../src/site.config';

process.exitCode = await runCheck({
  ...processContext(fileURLToPath(new URL('..', import.meta.url)), siteConfig),
  // npm runs scripts from the project root; paths on the command line are the caller's.
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
});
