import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { processExists, readProcessTable } from '../lib/process-table';
import { reapChildren } from './reap-children';

describe('reapChildren', () => {
  test('resolves only once every process the build started has ended and been reaped', async () => {
    // A helper the build started and no longer waits for, still busy for a moment.
    const child = spawn('sleep', ['0.3'], { stdio: 'ignore' });
    child.unref();
    const [entry] = (await readProcessTable()).filter((process) => process.pid === child.pid);

    expect(await reapChildren({ timeoutMs: 5000 })).toEqual([]);

    expect(entry).toBeDefined();
    expect(await processExists(entry!.pid, entry!.startTicks)).toBe(false);
  });

  test('names the processes still running when time runs out', async () => {
    const child = spawn('sleep', ['2'], { stdio: 'ignore' });
    child.unref();

    expect(await reapChildren({ timeoutMs: 50 })).toContain(`sleep (${child.pid})`);
    child.kill();
  });
});
