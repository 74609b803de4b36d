/**
 * The processes of this machine as Linux's `/proc` shows them: who started
 * whom, and how much memory each holds. The benchmark sums the memory of a
 * build's whole process tree with it (Node, and the Pagefind binary it starts),
 * and the search index waits with it for the Pagefind process to be gone.
 * Without a `/proc` (macOS, Windows) every reader returns nothing.
 * Fields: https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One process, from `/proc/<pid>/stat` and `/proc/<pid>/status`. */
export interface ProcessEntry {
  pid: number;
  /** The parent: after the parent exits without waiting, the process is re-parented (to PID 1, or a subreaper). */
  ppid: number;
  /** The executable's name, at most 15 characters (`comm`). */
  name: string;
  /** `R` running, `S` sleeping, `Z` zombie (exited, never waited for)… */
  state: string;
  /** Clock ticks after boot when the process started: a PID reused by a later process has another. */
  startTicks: number;
  /** Resident memory, from `VmRSS` (0 for a zombie or a kernel thread). */
  rssBytes: number;
}

/** Reads `pid (comm) state ppid … starttime …`; the name may itself hold spaces and parentheses. */
export function parseProcStat(
  text: string,
): Pick<ProcessEntry, 'pid' | 'ppid' | 'name' | 'state' | 'startTicks'> | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After the name: state is field 3, ppid field 4, starttime field 22 (1-based, counting pid and comm).
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const pid = Number(text.slice(0, open).trim());
  const ppid = Number(fields[1]);
  const startTicks = Number(fields[19]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isFinite(startTicks)) return undefined;
  return { pid, ppid, name: text.slice(open + 1, close), state: fields[0] ?? '?', startTicks };
}

/** Reads `VmRSS:  123456 kB` from `/proc/<pid>/status`; 0 when absent (zombies, kernel threads). */
export function parseVmRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The processes started by `rootPid`, directly or not, and `rootPid` itself when listed. */
export function processTree(rootPid: number, processes: readonly ProcessEntry[]): ProcessEntry[] {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of processes) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  const tree = processes.filter((entry) => entry.pid === rootPid);
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!.pid) ?? []));
  return tree;
}

/** The memory a process tree holds at one moment: in all, and in its largest process. */
export interface TreeMemory {
  totalBytes: number;
  largest: { name: string; bytes: number } | null;
}

/** Sums the resident memory of `tree`. Shared pages count once per process, as `VmRSS` counts them. */
export function treeMemory(tree: readonly ProcessEntry[]): TreeMemory {
  let largest: TreeMemory['largest'] = null;
  let totalBytes = 0;
  for (const entry of tree) {
    totalBytes += entry.rssBytes;
    if (largest === null || entry.rssBytes > largest.bytes) largest = { name: entry.name, bytes: entry.rssBytes };
  }
  return { totalBytes, largest };
}

async function readEntry(procDir: string, pid: number, withMemory: boolean): Promise<ProcessEntry | undefined> {
  try {
    const stat = parseProcStat(await readFile(join(procDir, String(pid), 'stat'), 'utf8'));
    if (!stat) return undefined;
    const rssBytes = withMemory ? parseVmRssBytes(await readFile(join(procDir, String(pid), 'status'), 'utf8')) : 0;
    return { ...stat, rssBytes };
  } catch {
    return undefined; // Exited while being read.
  }
}

/** Every process in `procDir` (default `/proc`), without its memory (see `withMemory`). */
export async function readProcessTable(procDir = '/proc'): Promise<ProcessEntry[]> {
  let names: string[];
  try {
    names = await readdir(procDir);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names.filter((name) => /^\d+$/.test(name)).map((name) => readEntry(procDir, Number(name), false)),
  );
  return entries.filter((entry): entry is ProcessEntry => entry !== undefined);
}

/** `entries` with their resident memory read, those that exited meanwhile left out. */
export async function withMemory(entries: readonly ProcessEntry[], procDir = '/proc'): Promise<ProcessEntry[]> {
  const read = await Promise.all(entries.map((entry) => readEntry(procDir, entry.pid, true)));
  return read.filter((entry): entry is ProcessEntry => entry !== undefined);
}

/** Whether the process `pid` that started at `startTicks` still exists, as a zombie included. */
export async function processExists(pid: number, startTicks: number, procDir = '/proc'): Promise<boolean> {
  const entry = await readEntry(procDir, pid, false);
  return entry?.startTicks === startTicks;
}

/**
 * Resolves once none of `entries` exists any more (their parent has waited for
 * them), or after `timeoutMs`; resolves to those still there.
 */
export async function waitForExit(
  entries: readonly ProcessEntry[],
  {
    procDir = '/proc',
    timeoutMs = 10_000,
    intervalMs = 10,
  }: { procDir?: string; timeoutMs?: number; intervalMs?: number } = {},
): Promise<ProcessEntry[]> {
  const deadline = performance.now() + timeoutMs;
  let remaining = [...entries];
  for (;;) {
    const alive = await Promise.all(remaining.map((entry) => processExists(entry.pid, entry.startTicks, procDir)));
    remaining = remaining.filter((_, index) => alive[index]);
    if (remaining.length === 0 || performance.now() >= deadline) return remaining;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** This process's child esbuild services. */
async function esbuildChildren(procDir: string): Promise<ProcessEntry[]> {
  return (await readProcessTable(procDir)).filter((entry) => entry.ppid === process.pid && entry.name === 'esbuild');
}

/** A process's key: its PID and start time, since a PID may be reused. */
const processKey = (entry: ProcessEntry) => `${entry.pid} ${entry.startTicks}`;

/** The esbuild services this process has started, as keys for `stopEsbuildServices`. */
export async function esbuildServices(procDir = '/proc'): Promise<string[]> {
  return (await esbuildChildren(procDir)).map(processKey);
}

/**
 * Stops the esbuild services this process started other than those of `keep`
 * (keys from `esbuildServices`), and waits for them to end. A worker thread
 * that loads TypeScript through tsx gets an esbuild service started by tsx's
 * loader thread, which neither the worker nor esbuild's `stop()` can reach.
 * Left running, it outlives the worker; stopped after the worker has ended,
 * nobody waits for it and it stays a zombie. So the worker stops it itself,
 * last, while the thread that started it can still wait for it.
 */
export async function stopEsbuildServices(keep: readonly string[], procDir = '/proc'): Promise<void> {
  const kept = new Set(keep);
  const started = (await esbuildChildren(procDir)).filter((entry) => !kept.has(processKey(entry)));
  for (const entry of started) {
    try {
      process.kill(entry.pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
  }
  await waitForExit(started, { procDir, timeoutMs: 2_000 });
}
