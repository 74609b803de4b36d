import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseGnuTime, TreeSampler } from './measure';

describe('parseGnuTime', () => {
  test('reads wall time, CPU time and peak memory from the line GNU time prints', () => {
    expect(parseGnuTime('12:00:01 [build] Complete!\nBENCH-TIME 42.50 30.25 4.75 1048576\n')).toEqual({
      wallSeconds: 42.5,
      cpuSeconds: 35,
      peakRssBytes: 1024 ** 3,
    });
  });

  test('returns undefined when the build printed no such line', () => {
    expect(parseGnuTime('Command terminated by signal 9')).toBeUndefined();
  });
});

describe('TreeSampler', () => {
  async function fakeProc(processes: { pid: number; ppid: number; name: string; rssKb: number }[]) {
    const dir = await mkdtemp(join(tmpdir(), 'fake-proc-'));
    for (const { pid, ppid, name, rssKb } of processes) {
      await mkdir(join(dir, String(pid)));
      const fields = Array.from({ length: 17 }, () => '0').join(' ');
      await writeFile(join(dir, String(pid), 'stat'), `${pid} (${name}) S ${ppid} ${fields} ${pid * 10} 0 0\n`);
      await writeFile(join(dir, String(pid), 'status'), `Name:\t${name}\nVmRSS:\t${rssKb} kB\n`);
    }
    return dir;
  }

  test('keeps the peak of all processes at once and of the largest, and names processes left after the build', async () => {
    const proc = await fakeProc([
      { pid: 10, ppid: 1, name: 'time', rssKb: 1 },
      { pid: 11, ppid: 10, name: 'node', rssKb: 3000 },
      { pid: 12, ppid: 11, name: 'pagefind', rssKb: 2000 },
      { pid: 99, ppid: 1, name: 'other', rssKb: 9000 },
    ]);
    const sampler = new TreeSampler(10, proc);

    await sampler.sample();
    // The build exits; Pagefind, never waited for, is re-parented and stays.
    await rm(join(proc, '10'), { recursive: true });
    await rm(join(proc, '11'), { recursive: true });
    await sampler.sample();

    expect(sampler.peakTotalBytes).toBe(5001 * 1024);
    expect(sampler.peakLargestBytes).toBe(3000 * 1024);
    expect((await sampler.leftovers()).map((entry) => entry.name)).toEqual(['pagefind']);
  });
});
