import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withDataFileDigests } from './data-files';

const context = { generateDigest: (data: unknown) => createHash('sha256').update(String(data)).digest('hex') };

const CHART = '---\ntitle: x\n---\n\n<MetricChart src="./errors.csv" y="errors" label="Errors" />\n';
const FILES = ['2024-01-01-chart.mdx', '2024-01-02-plain.md'];

/** A content folder with a postmortem that draws `errors.csv` (holding `csv`, or absent) and one that draws nothing. */
async function folder(csv: string | undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'data-files-'));
  await writeFile(join(dir, FILES[0]!), CHART);
  await writeFile(join(dir, FILES[1]!), 'Plain.');
  if (csv !== undefined) await writeFile(join(dir, 'errors.csv'), csv);
  return dir;
}

describe('withDataFileDigests', () => {
  test('changes the digest of a postmortem whose chart data changed, and of no other', async () => {
    const before = await withDataFileDigests(context, await folder('time,errors\n2024-01-01T00:00:00Z,1\n'), FILES);
    const after = await withDataFileDigests(context, await folder('time,errors\n2024-01-01T00:00:00Z,2\n'), FILES);
    expect(after.generateDigest(CHART)).not.toBe(before.generateDigest(CHART));
    expect(after.generateDigest('Plain.')).toBe(before.generateDigest('Plain.'));
    expect(after.generateDigest('Plain.')).toBe(context.generateDigest('Plain.'));
  });

  test('keeps the digest while the data stays the same', async () => {
    const csv = 'time,errors\n2024-01-01T00:00:00Z,1\n';
    const first = await withDataFileDigests(context, await folder(csv), FILES);
    const second = await withDataFileDigests(context, await folder(csv), FILES);
    expect(second.generateDigest(CHART)).toBe(first.generateDigest(CHART));
    expect(first.generateDigest(CHART)).not.toBe(context.generateDigest(CHART));
  });

  test('changes the digest when the data file appears or goes', async () => {
    const dir = await folder(undefined);
    const missing = await withDataFileDigests(context, dir, FILES);
    await writeFile(join(dir, 'errors.csv'), 'time,errors\n');
    const present = await withDataFileDigests(context, dir, FILES);
    await rm(join(dir, 'errors.csv'));
    const gone = await withDataFileDigests(context, dir, FILES);
    expect(present.generateDigest(CHART)).not.toBe(missing.generateDigest(CHART));
    expect(gone.generateDigest(CHART)).toBe(missing.generateDigest(CHART));
  });
});
