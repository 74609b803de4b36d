import { isOutstanding } from '../../action-items';
import { daysBetween, policyWeeks, resolveDueDate } from '../../due-dates';
import { quoteValue } from '../../errors';
import type { LintRule } from '../types';

/** Due dates no later than the site's policy allows (`followThrough.dueWithin`), so deadlines are not quietly pushed out. */
export const dueDatePolicy: LintRule = {
  id: 'due-date-policy',
  severity: 'warning',
  needsTree: false,
  description:
    "A `due` date no later than the due-date policy allows (`followThrough.dueWithin`): bring it forward, or remove it to take the policy's date.",
  check(document, context, report) {
    const data = document.file.data;
    data?.actionItems.forEach((item, index) => {
      // Only items still to do: a finished item's date is history, which /stats/ measures.
      if (item.due === undefined || !isOutstanding(item)) return;
      const { policyDate } = resolveDueDate(item, data, context.duePolicy);
      if (item.due <= policyDate) return;
      const weeks = policyWeeks(context.duePolicy, data.severity, item.type);
      report(
        document.file.locate(['actionItems', index, 'due']),
        `action item ${quoteValue(item.title)} is due ${item.due}, ${daysBetween(policyDate, item.due)} days after the policy allows: ${data.severity} \`${item.type}\` items are due within ${weeks} weeks of resolvedAt, by ${policyDate}; bring the date forward, or remove \`due\` to take the policy's date`,
      );
    });
  },
};
