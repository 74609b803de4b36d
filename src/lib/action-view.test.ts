import { describe, expect, test } from 'vitest';
import { actionState, actionTally, relativeDue, type ActionFacts } from './action-view';

const item = (status: ActionFacts['action']['status'], date: string, overdue = false): ActionFacts => ({
  action: { status },
  due: { date },
  overdue,
});

describe('actionState', () => {
  test('puts overdue before the status', () => {
    expect(actionState(item('in-progress', '2024-05-01', true))).toBe('overdue');
    expect(actionState(item('in-progress', '2024-07-01'))).toBe('in-progress');
  });
});

describe('relativeDue', () => {
  test.each([
    ['2024-06-01', 'due today'],
    ['2024-06-02', 'due tomorrow'],
    ['2024-06-04', 'due in 3 days'],
    ['2024-05-31', '1 day overdue'],
    ['2024-05-21', '11 days overdue'],
  ])('says a due date of %s is %s on 2024-06-01', (date, expected) => {
    expect(relativeDue(item('open', date), '2024-06-01')).toBe(expected);
  });

  test('says nothing for items that are done or will not be done', () => {
    expect(relativeDue(item('done', '2024-05-01'), '2024-06-01')).toBeUndefined();
    expect(relativeDue(item('wont-do', '2024-05-01'), '2024-06-01')).toBeUndefined();
  });
});

describe('actionTally', () => {
  test('counts each item once, overdue first', () => {
    expect(
      actionTally([item('done', '2024-05-01'), item('open', '2024-05-01', true), item('open', '2024-05-02', true)]),
    ).toBe('3 action items: 2 overdue, 1 done');
  });

  test('says so when there are none', () => {
    expect(actionTally([])).toBe('No action items');
  });
});
