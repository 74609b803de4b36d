/**
 * Runs one command of a build and measures it as a user would feel it: wall
 * time, CPU time (GNU time, which counts the children it waited for), and the
 * memory of every process in its tree, sampled from /proc, since a build's
 * largest process may be a binary it starts (Pagefind) rather than Node.
 * After the command exits, any process of its tree that is still there (an
 * orphan, or a zombie nobody waited for) is named.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  processExists,
  processTree,
  readProcessTable,
  treeMemory,
  withMemory,
  type ProcessEntry,
} from '../../src/lib/process-table';

/** GNU time: reports the CPU time of a command and its waited-for children. */
const GNU_TIME = '/usr/bin/time';

/** How often the process tree's memory is sampled. */
const SAMPLE_INTERVAL_MS = 100;

/** What one command (or a build of several) cost. */
export interface BuildMeasurement {
  exitCode: number;
  /** Everything the build printed, for errors and the tools' own timings. */
  output: string;
  wallSeconds: number;
  /** User plus system CPU time of the build and its children; `null` without GNU time. */
  cpuSeconds: number | null;
  /** Peak resident memory of the largest single process of the build (Node, Pagefind, Hugo…). */
  peakRssBytes: number;
  /** Peak of the resident memory of all the build's processes at once, sampled every 100 ms. */
  peakTotalRssBytes: number;
  /** Processes of the build still there once it exited, as `name (pid)`: none when it waits for every child. */
  leftoverProcesses: string[];
}

/** Parses GNU time's `-f '%e %U %S %M'` line: wall, user, system seconds and peak KB. */
export function parseGnuTime(
  line: string,
): { wallSeconds: number; cpuSeconds: number; peakRssBytes: number } | undefined {
  const match = /^BENCH-TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/m.exec(line);
  if (!match) return undefined;
  return {
    wallSeconds: Number(match[1]),
    cpuSeconds: Number(match[2]) + Number(match[3]),
    peakRssBytes: Number(match[4]) * 1024,
  };
}

/** The memory peaks of a process tree while it runs, and every process seen in it. */
export class TreeSampler {
  peakTotalBytes = 0;
  peakLargestBytes = 0;
  /** Every process seen in the tree, by PID and start time (a reused PID is another process). */
  readonly seen = new Map<string, ProcessEntry>();

  constructor(
    private readonly rootPid: number,
    private readonly procDir = '/proc',
  ) {}

  /** Takes one sample. */
  async sample(): Promise<void> {
    const tree = await withMemory(processTree(this.rootPid, await readProcessTable(this.procDir)), this.procDir);
    for (const entry of tree) this.seen.set(`${entry.pid}@${entry.startTicks}`, entry);
    const memory = treeMemory(tree);
    this.peakTotalBytes = Math.max(this.peakTotalBytes, memory.totalBytes);
    this.peakLargestBytes = Math.max(this.peakLargestBytes, memory.largest?.bytes ?? 0);
  }

  /** The processes seen in the tree that still exist (the root is excluded: it is the one that exited). */
  async leftovers(): Promise<ProcessEntry[]> {
    const candidates = [...this.seen.values()].filter((entry) => entry.pid !== this.rootPid);
    const alive = await Promise.all(
      candidates.map((entry) => processExists(entry.pid, entry.startTicks, this.procDir)),
    );
    return candidates.filter((_, index) => alive[index]);
  }
}

/** One command to run and measure. */
export interface MeasuredCommand {
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
}

/** Runs `command`, sampling its process tree until it exits. */
export async function runMeasured({ command, args, cwd, env }: MeasuredCommand): Promise<BuildMeasurement> {
  const useGnuTime = existsSync(GNU_TIME);
  const [program, programArgs] = useGnuTime
    ? [GNU_TIME, ['-f', 'BENCH-TIME %e %U %S %M', command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  const child = spawn(program, programArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number>((done) => {
    child.on('exit', (code) => {
      done(code ?? 1);
    });
  });
  const closed = new Promise<void>((done) => {
    child.on('close', () => {
      done();
    });
  });
  const sampler = new TreeSampler(child.pid ?? -1);
  const hasExited = exited.then(() => true);
  for (;;) {
    await sampler.sample();
    const pause = new Promise<boolean>((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS, false));
    if (await Promise.race([hasExited, pause])) break;
  }
  const exitCode = await exited;
  const wallSeconds = (performance.now() - started) / 1000;
  const leftovers = await sampler.leftovers();
  // A leftover holding the output pipes open would keep 'close' from ever firing.
  if (leftovers.length === 0) await closed;
  const timed = useGnuTime ? parseGnuTime(output) : undefined;
  return {
    exitCode,
    output,
    wallSeconds,
    cpuSeconds: timed?.cpuSeconds ?? null,
    peakRssBytes: Math.max(timed?.peakRssBytes ?? 0, sampler.peakLargestBytes),
    peakTotalRssBytes: sampler.peakTotalBytes,
    leftoverProcesses: leftovers.map((entry) => `${entry.name} (${entry.pid})`),
  };
}

/** Several commands run one after the other (a site generator, then Pagefind) as one build. */
export function combineMeasurements(steps: readonly BuildMeasurement[]): BuildMeasurement {
  const cpu = steps.map((step) => step.cpuSeconds);
  return {
    exitCode: steps.find((step) => step.exitCode !== 0)?.exitCode ?? 0,
    output: steps.map((step) => step.output).join('\n'),
    wallSeconds: steps.reduce((sum, step) => sum + step.wallSeconds, 0),
    cpuSeconds: cpu.every((value) => value !== null) ? cpu.reduce((sum, value) => sum + value, 0) : null,
    peakRssBytes: Math.max(0, ...steps.map((step) => step.peakRssBytes)),
    peakTotalRssBytes: Math.max(0, ...steps.map((step) => step.peakTotalRssBytes)),
    leftoverProcesses: steps.flatMap((step) => step.leftoverProcesses),
  };
}
