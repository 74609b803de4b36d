/**
 * `<MetricChart>` through `npm run check` (in-process, see `tests/hostile/catalogue.ts`): its data file is read
 * and every problem is reported at the component's line, with the data file's line in the message.
 */
import { describe, expect, test } from 'vitest';
import { checkFiles, postmortem } from './hostile/catalogue';

/** Line of the body's first line in a file made by `postmortem()`. */
const BODY = 11;
const FILE = '2024-03-14-checkout.mdx';
const CSV = 'time,errors_per_min\n2024-03-14T09:00:00Z,3\n2024-03-14T09:30:00Z,412\n';

/** The rules these components meet; the others (required sections, word count) are not about them. */
const RULES = new Set(['metric-chart', 'mdx-components', 'image-exists', 'safe-links']);

/** `check`'s problems of `RULES`, as `line:column rule message`, for a postmortem with `body` and the `files` beside it. */
async function check(body: string, files: Record<string, string> = {}) {
  const result = await checkFiles({ [FILE]: postmortem(body), ...files });
  return result.problems
    .filter((problem) => RULES.has(problem.rule))
    .map((problem) => `${problem.line}:${problem.column} ${problem.rule} ${problem.message}`);
}

describe('metric-chart', () => {
  test('accepts a chart whose data file reads, and does not take its src for an image', async () => {
    const body =
      'Errors rose.\n\n<MetricChart src="./errors.csv" y="errors_per_min" label="Checkout errors per minute" />';
    expect(await check(body, { 'errors.csv': CSV })).toEqual([]);
  });

  test('reports a missing file at the component’s line', async () => {
    expect(await check('Errors rose.\n\n<MetricChart src="./gone.csv" y="errors" label="Errors" />')).toEqual([
      `${BODY + 2}:1 metric-chart \`<MetricChart>\` \`./gone.csv\` does not exist; put the data file next to the postmortem or fix the path`,
    ]);
  });

  test('reports a missing column at the component’s line', async () => {
    const problems = await check('<MetricChart src="./errors.csv" y="errors_per_min,latency" label="Errors" />', {
      'errors.csv': CSV,
    });
    expect(problems).toEqual([
      `${BODY}:1 metric-chart \`<MetricChart>\` \`./errors.csv\` has no column \`latency\` (y); its columns are \`time\`, \`errors_per_min\``,
    ]);
  });

  test('reports an unparsable number and a time far from the incident with their lines in the data file', async () => {
    const problems = await check('<MetricChart src="./bad.csv" y="errors" label="Errors" />', {
      'bad.csv': 'time,errors\n2024-03-14T09:00:00Z,3\n2024-03-14T09:01:00Z,n/a\n2025-01-01T00:00:00Z,4\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^${BODY}:1 metric-chart .*line 3: \`n/a\` in column \`errors\` is not a number`),
      ),
      expect.stringMatching(
        new RegExp(`^${BODY}:1 metric-chart .*line 4: time .* is more than 7 days from the incident`),
      ),
    ]);
  });

  test('leaves props the schema refuses to mdx-components', async () => {
    expect(await check('<MetricChart src="./errors.csv" label="Errors" />', { 'errors.csv': CSV })).toEqual([
      `${BODY}:1 mdx-components \`<MetricChart>\` props: missing required field \`y\`; Invalid input: expected string, received undefined`,
    ]);
  });
});

describe('Figure and Callout', () => {
  test('accept their props, and a Figure’s image follows the image rules', async () => {
    expect(
      await check(
        '<Callout kind="lesson">\nLook at what changed first.\n</Callout>\n\n<Figure src="./gone.png" alt="A graph" caption="Errors" />',
      ),
    ).toEqual([
      `${BODY + 4}:1 image-exists image \`./gone.png\` does not exist; put the file next to the postmortem or fix the path`,
    ]);
  });

  test('refuse an unknown kind or a missing caption', async () => {
    expect(
      await check('<Callout kind="tip">x</Callout>\n\n<Figure src="./a.png" alt="A graph" />', { 'a.png': 'x' }),
    ).toEqual([
      expect.stringMatching(new RegExp(`^${BODY}:1 mdx-components \`<Callout>\` props: kind: Invalid option`)),
      expect.stringMatching(
        new RegExp(`^${BODY + 2}:1 mdx-components \`<Figure>\` props: missing required field \`caption\``),
      ),
    ]);
  });
});
