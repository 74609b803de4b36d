import { describe, expect, test } from 'vitest';
import { SiteConfigSchema } from '../../schemas/site-config';
import { isIncidentIoExport, readIncidentIo } from './incident-io';

const config = SiteConfigSchema.parse({});

const incident = {
  id: 'I1',
  name: 'Checkout failing',
  summary: 'Card payments failed.',
  severity: { name: 'Critical' },
  incident_status: { category: 'closed' },
  visibility: 'private',
  created_at: '2024-07-02T10:21:44Z',
  incident_timestamp_values: [
    { incident_timestamp: { name: 'Impact started' }, value: { value: '2024-07-02T10:12:00Z' } },
    { incident_timestamp: { name: 'Resolved at' }, value: { value: '2024-07-02T11:20:00Z' } },
  ],
  custom_field_entries: [{ custom_field: { name: 'Team' }, values: [{ value_catalog_entry: { name: 'Payments' } }] }],
  incident_role_assignments: [{ role: { name: 'Incident Lead', role_type: 'lead' }, assignee: { name: 'Mina' } }],
};

describe('readIncidentIo', () => {
  test('reads incidents and their follow-ups, even from separate files', () => {
    const [record] = readIncidentIo(
      [
        { file: 'incidents.json', data: { incidents: [incident] } },
        {
          file: 'follow-ups.json',
          data: {
            follow_ups: [
              { incident_id: 'I1', title: 'Alert on pool saturation', status: 'not_doing', assignee: { name: 'Mina' } },
              { incident_id: 'I2', title: 'Another incident’s', status: 'outstanding' },
            ],
          },
        },
      ],
      { ...config.import, fields: { team: 'services' } },
    );
    expect(record).toMatchObject({
      reference: 'incident-io:I1',
      title: { value: 'Checkout failing' },
      severity: { value: 'Critical' },
      visibility: { value: 'internal' },
      services: { value: ['Payments'], from: 'custom field "Team"' },
      authors: { value: ['Mina'], guess: 'the incident lead (Incident Lead)' },
      actionItems: { value: [{ title: 'Alert on pool saturation', owner: 'Mina', status: 'wont-do' }] },
    });
    expect(record?.startedAt?.from).toBe('timestamp "Impact started"');
  });

  test('guesses the start from the declaration when no impact start is recorded, and says so', () => {
    const [record] = readIncidentIo(
      [{ file: 'x.json', data: [{ ...incident, incident_timestamp_values: [] }] }],
      config.import,
    );
    expect(record?.startedAt).toMatchObject({ from: '`created_at`', guess: expect.stringContaining('declared') });
  });
});

describe('isIncidentIoExport', () => {
  test('recognises the API’s response bodies and a bare list of incidents', () => {
    expect([{ incidents: [] }, { follow_ups: [] }, [incident], { items: [] }].map(isIncidentIoExport)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
