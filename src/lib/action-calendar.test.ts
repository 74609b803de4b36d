import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { postmortemRecord } from '../../tests/postmortem-record';
import { DEFAULT_SEVERITY_SCALE } from '../schemas/severity';
import { actionCalendar } from './action-calendar';
import { buildActionLedger } from './action-items';
import { buildCorpus } from './corpus';
import { duePolicyOf } from './due-dates';
import { defineSiteConfig } from './define-site-config';

const corpus = buildCorpus(
  [
    postmortemRecord('2024-03-14-checkout', {
      severity: 'SEV2',
      resolvedAt: '2024-03-14T09:59:00Z',
      startedAt: '2024-03-14T09:12:00Z',
      actionItems: [
        { title: 'Validate pool sizes; before deploys, too', owner: 'Platform team' },
        { title: 'Alert on saturation', owner: 'SRE', type: 'detect', status: 'in-progress', due: '2024-06-10' },
        { title: 'Checklist', owner: 'SRE', status: 'done', due: '2024-04-01' },
        { title: 'Rewrite', owner: 'SRE', status: 'wont-do' },
      ],
    }),
  ],
  DEFAULT_SEVERITY_SCALE,
);
const ledger = buildActionLedger(corpus.items, { today: '2024-06-01', policy: duePolicyOf(defineSiteConfig({})) });
const text = actionCalendar(ledger.entries, {
  name: 'Postmortems: action items',
  site: new URL('https://postmortems.example.com/team/'),
  postmortemPath: (id) => `/team/postmortems/${id}/`,
  stamp: new Date('2024-06-01T00:00:00Z'),
});
const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
const property = (event: ICAL.Component, name: string) => event.getFirstPropertyValue(name)?.toString();

describe('actionCalendar', () => {
  test('is valid iCalendar with CRLF line endings', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  test('holds one all-day event per open or in-progress item, on its due date (written or by policy)', () => {
    expect(
      events.map((event) => {
        const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
        return [property(event, 'summary'), start.isDate, start.toString(), property(event, 'status')];
      }),
    ).toEqual([
      ['Validate pool sizes; before deploys, too (Platform team)', true, '2024-04-11', 'CONFIRMED'],
      ['Alert on saturation (SRE)', true, '2024-06-10', 'CONFIRMED'],
    ]);
  });

  test('gives each event a stable UID, a link to the postmortem and a reproducible stamp', () => {
    expect(events.map((event) => property(event, 'uid'))).toEqual([
      '2024-03-14-checkout/action-1@postmortems.example.com',
      '2024-03-14-checkout/action-2@postmortems.example.com',
    ]);
    expect(property(events[0]!, 'url')).toBe('https://postmortems.example.com/team/postmortems/2024-03-14-checkout/');
    expect(property(events[0]!, 'dtstamp')).toBe('2024-06-01T00:00:00Z');
    expect(property(events[0]!, 'description')).toContain('Due: 2024-04-11 (by policy)');
  });
});
