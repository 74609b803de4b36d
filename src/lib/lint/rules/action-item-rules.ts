import { daysOverdue, isOutstanding } from '../../action-items';
import { resolveDueDate } from '../../due-dates';
import { quoteValue } from '../../errors';
import { plural } from '../../format';
import type { LintRule } from '../types';

export const overdueActionItems: LintRule = {
  id: 'overdue-action-item',
  severity: 'warning',
  needsTree: false,
  description:
    'Open or in-progress action items past their due date (written, or by the due-date policy): finish them, move the date, or mark them `wont-do`.',
  check(document, context, report) {
    const data = document.file.data;
    data?.actionItems.forEach((item, index) => {
      if (!isOutstanding(item)) return;
      const due = resolveDueDate(item, data, context.duePolicy);
      const days = daysOverdue(item, due.date, context.today);
      if (days === 0) return;
      report(
        document.file.locate(due.byPolicy ? ['actionItems', index] : ['actionItems', index, 'due']),
        `action item ${quoteValue(item.title)} was due ${due.byPolicy ? `by policy on ${due.date}` : due.date} (${plural(days, 'day')} ago) and is still ${item.status}; finish it, ${due.byPolicy ? 'set a `due` date' : 'move the date'}, or mark it wont-do`,
      );
    });
  },
};

export const actionItemsRequired: LintRule = {
  id: 'action-items-required',
  severity: 'error',
  needsTree: false,
  description: 'Postmortems of the severities in `lint.actionItemsRequiredFor` (default SEV1, SEV2) list action items.',
  check(document, context, report) {
    const data = document.file.data;
    if (!data || data.actionItems.length > 0) return;
    if (context.config.actionItemsRequiredFor.some((id) => id.toLowerCase() === data.severity.toLowerCase())) {
      report(
        document.file.locate(['actionItems']).line > 1
          ? document.file.locate(['actionItems'])
          : document.file.locate(['severity']),
        `${data.severity} postmortems need action items; add each corrective or preventative measure under actionItems with an owner and a due date`,
      );
    }
  },
};
