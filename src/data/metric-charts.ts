/**
 * The data of each `<MetricChart>`, read when its page is rendered: the data file
 * next to the postmortem and the incident's instants from its validated entry.
 * `check` and the build's lint (rule `metric-chart`) have read the same file with
 * the same function before any page is rendered; a file changed since (under
 * `astro dev`) is reported here, with the same words.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { AstroError } from 'astro/errors';
import { resolveContentDir, displayPath } from '../lib/content-folder';
import type { MetricChartProps } from '../lib/content-policy';
import { escapeControl } from '../lib/errors';
import { metricChartView, type MetricChartView } from '../lib/metric-chart';
import { readMetricData } from '../lib/metric-data';
import { getCorpus, type PostmortemEntry } from './postmortems';

const projectRoot = fileURLToPath(root);

/** The entry of the postmortem at the absolute path `file`, from the build's corpus. */
async function entryOf(file: string): Promise<PostmortemEntry | undefined> {
  const { items } = await getCorpus();
  return items.find((item) => item.record.filePath && resolve(projectRoot, item.record.filePath) === file)?.record;
}

/** The chart of a `<MetricChart>` with `props` in the postmortem at `postmortemFile`, ready to draw. */
export async function getMetricChart({
  postmortemFile,
  ...props
}: MetricChartProps & { postmortemFile: string }): Promise<MetricChartView> {
  const shown = displayPath(projectRoot, postmortemFile);
  const entry = await entryOf(postmortemFile);
  if (!entry) throw new AstroError(`${escapeControl(shown)}: no postmortem of this build has a \`<MetricChart>\` here`);
  const result = readMetricData(props, {
    postmortemPath: postmortemFile,
    contentDir: resolveContentDir(projectRoot),
    incident: entry.data,
  });
  if (!result.ok) {
    const error = new AstroError(
      `${escapeControl(shown)}: \`<MetricChart>\` ${result.problems.join('; ')}`,
      'Fix the data file, then run `npm run check` to see every problem at its line.',
    );
    error.stack = '';
    throw error;
  }
  return metricChartView({
    data: result.data,
    label: props.label,
    unit: props.unit,
    incident: entry.data,
    timeZone: entry.data.timezone,
  });
}
