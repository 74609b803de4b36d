import { MDX_COMPONENTS } from '../../content-policy';
import { readMetricData } from '../../metric-data';
import type { LintRule } from '../types';
import { literalProps } from './mdx-components';
import { startOf } from './safe-html';

/** The data of every `<MetricChart>` is read and checked where it is used; the build draws only data that passed. */
export const metricCharts: LintRule = {
  id: 'metric-chart',
  severity: 'error',
  needsTree: true,
  description:
    'Each `<MetricChart>` reads a CSV or JSON file inside the content folder (at most 256 kB and 1,440 rows) that has the `x` and `y` columns, times in ISO 8601 with an offset, ascending and within 7 days of the incident, and numbers (an empty cell is a gap); the error names the data file’s line and column.',
  appliesTo: (document) => document.isMdx && document.file.body.includes('<MetricChart'),
  check(document, context, report) {
    if (!document.tree) return;
    for (const element of document.nodes('mdxJsxFlowElement', 'mdxJsxTextElement')) {
      if (element.name !== 'MetricChart') continue;
      // Props the schema refuses are mdx-components' to report.
      const props = MDX_COMPONENTS.MetricChart.safeParse(literalProps(element));
      if (!props.success) continue;
      const result = readMetricData(props.data, {
        postmortemPath: document.absolutePath,
        contentDir: context.contentDir,
        incident: document.file.data,
      });
      if (!result.ok) for (const problem of result.problems) report(startOf(element), `\`<MetricChart>\` ${problem}`);
    }
  },
};
