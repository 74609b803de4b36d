import type { LintRule } from '../types';

export const overdueActionItems: LintRule = {
  id: 'overdue-action-item',
  severity: 'warning',
  needsTree: false,
  description: 'Warns on action items still open or in progress after their due date.',
  check(document, context, report) {
    document.file.data?.actionItems.forEach((item, index) => {
      if ((item.status === 'open' || item.status === 'in-progress') && item.due && item.due < context.today) {
        report(
          document.file.locate(['actionItems', index, 'due']),
          `action item "${item.title}" was due ${item.due} and is still ${item.status}; finish it, move the date, or mark it wont-do`,
        );
      }
    });
  },
};

export const actionItemsRequired: LintRule = {
  id: 'action-items-required',
  severity: 'error',
  needsTree: false,
  description:
    'Postmortems of the severities in `lint.actionItemsRequiredFor` (default SEV1, SEV2) list at least one action item.',
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
