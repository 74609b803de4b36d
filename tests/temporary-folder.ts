/**
 * Vitest's global setup: every temporary file of a test run (whole site
 * builds among them, about a gigabyte a run) goes into one folder, removed
 * when the run ends, so repeated runs do not fill the disk.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function setup(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), 'postmortems-tests-'));
  // os.tmpdir() reads these on every call, in this process and in the test workers and builds it starts.
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = folder;
  return () => rm(folder, { recursive: true, force: true });
}
