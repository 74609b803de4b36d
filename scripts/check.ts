/** Entry point of `npm run check`; see src/lib/check/run.ts. */
import { fileURLToPath } from 'node:url';
import { runCheck } from '../src/lib/check/run';
import siteConfig from '../src/site.config';

process.exitCode = await runCheck({
  root: fileURLToPath(new URL('..', import.meta.url)),
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: new Date(),
  config: siteConfig,
});
