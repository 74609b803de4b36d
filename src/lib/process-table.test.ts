import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  parseProcStat,
  parseVmRssBytes,
  processExists,
  processTree,
  readProcessTable,
  treeMemory,
  waitForExit,
  withMemory,
  type ProcessEntry,
} from './process-table';

/** A `/proc/<pid>/stat` line: fields after the name up to starttime (field 22), the rest left out. */
const statLine = (pid: number, name: string, ppid: number, startTicks: number, state = 'S') =>
  `${pid} (${name}) ${state} ${ppid} ${Array.from({ length: 17 }, () => '0').join(' ')} ${startTicks} 123456 789\n`;

/** A fake `/proc` with one folder per process, as Linux lays it out. */
async function fakeProc(processes: { pid: number; name: string; ppid: number; rssKb?: number; state?: string }[]) {
  const dir = await mkdtemp(join(tmpdir(), 'fake-proc-'));
  for (const entry of processes) {
    await mkdir(join(dir, String(entry.pid)));
    await writeFile(
      join(dir, String(entry.pid), 'stat'),
      statLine(entry.pid, entry.name, entry.ppid, entry.pid * 10, entry.state),
    );
    const rss = entry.rssKb === undefined ? '' : `VmRSS:\t${entry.rssKb} kB\n`;
    await writeFile(join(dir, String(entry.pid), 'status'), `Name:\t${entry.name}\n${rss}Threads:\t4\n`);
  }
  await mkdir(join(dir, 'self'));
  await writeFile(join(dir, 'meminfo'), 'MemTotal: 1 kB\n');
  return dir;
}

const entry = (pid: number, ppid: number, name: string, rssBytes: number): ProcessEntry => ({
  pid,
  ppid,
  name,
  state: 'S',
  startTicks: pid,
  rssBytes,
});

describe('parseProcStat', () => {
  test('reads pid, parent, state and start time, with a name holding spaces and parentheses', () => {
    expect(parseProcStat(statLine(4242, 'node (build) x', 17, 99, 'Z'))).toEqual({
      pid: 4242,
      ppid: 17,
      name: 'node (build) x',
      state: 'Z',
      startTicks: 99,
    });
  });

  test('returns undefined for a line that is not a stat line', () => {
    expect(parseProcStat('gone')).toBeUndefined();
  });
});

describe('parseVmRssBytes', () => {
  test('reads resident memory in bytes, and 0 for a process without (a zombie)', () => {
    expect(parseVmRssBytes('Name:\tnode\nVmRSS:\t  2048 kB\n')).toBe(2 * 1024 ** 2);
    expect(parseVmRssBytes('Name:\tpagefind\nState:\tZ (zombie)\n')).toBe(0);
  });
});

describe('processTree and treeMemory', () => {
  test('sum every process a build started, grandchildren included, and nothing else on the machine', () => {
    const table = [
      entry(1, 0, 'init', 10),
      entry(100, 1, 'time', 1),
      entry(101, 100, 'node', 1500),
      entry(102, 101, 'pagefind_extended', 1900),
      entry(103, 101, 'esbuild', 50),
      entry(104, 103, 'worker', 5),
      entry(200, 1, 'node', 9000),
    ];

    const tree = processTree(100, table);

    expect(tree.map((process) => process.pid).sort()).toEqual([100, 101, 102, 103, 104]);
    expect(treeMemory(tree)).toEqual({ totalBytes: 3456, largest: { name: 'pagefind_extended', bytes: 1900 } });
  });

  test('is empty once the build has exited', () => {
    expect(processTree(100, [entry(1, 0, 'init', 10)])).toEqual([]);
    expect(treeMemory([])).toEqual({ totalBytes: 0, largest: null });
  });
});

describe('readProcessTable', () => {
  test('reads every numbered folder of /proc, and their memory on request', async () => {
    const proc = await fakeProc([
      { pid: 1, name: 'init', ppid: 0, rssKb: 4 },
      { pid: 7, name: 'pagefind', ppid: 1, state: 'Z' },
    ]);

    const table = await readProcessTable(proc);
    const measured = await withMemory(table, proc);

    expect(table.map(({ pid, rssBytes }) => ({ pid, rssBytes }))).toEqual([
      { pid: 1, rssBytes: 0 },
      { pid: 7, rssBytes: 0 },
    ]);
    expect(measured.map(({ pid, state, rssBytes }) => ({ pid, state, rssBytes }))).toEqual([
      { pid: 1, state: 'S', rssBytes: 4096 },
      { pid: 7, state: 'Z', rssBytes: 0 },
    ]);
  });

  test('returns no process where there is no /proc', async () => {
    expect(await readProcessTable('/nowhere/proc')).toEqual([]);
  });
});

describe('processExists and waitForExit', () => {
  test('a zombie still exists; a reused PID with another start time does not', async () => {
    const proc = await fakeProc([{ pid: 7, name: 'pagefind', ppid: 1, state: 'Z' }]);

    expect(await processExists(7, 70, proc)).toBe(true);
    expect(await processExists(7, 71, proc)).toBe(false);
    expect(await processExists(8, 80, proc)).toBe(false);
  });

  test('resolves to the processes still there when time runs out', async () => {
    const proc = await fakeProc([{ pid: 7, name: 'pagefind', ppid: 1 }]);
    const [pagefind] = await readProcessTable(proc);

    expect(await waitForExit([pagefind!, { ...pagefind!, pid: 8 }], { procDir: proc, timeoutMs: 30 })).toEqual([
      pagefind,
    ]);
  });
});
