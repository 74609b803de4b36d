import { afterEach, describe, expect, test, vi } from 'vitest';
import { SiteConfigSchema } from '../schemas/site-config';
import { processContext, runWithUsage } from './cli';

const config = SiteConfigSchema.parse({});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('processContext', () => {
  test('a command runs at POSTMORTEMS_BUILD_DATE when it is set, as the build does', () => {
    vi.stubEnv('POSTMORTEMS_BUILD_DATE', '2024-06-01');
    expect(processContext('/project', config).now.toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });

  test('a command runs at the current time otherwise', () => {
    vi.stubEnv('POSTMORTEMS_BUILD_DATE', '');
    const before = Date.now();
    const now = processContext('/project', config).now.getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  test('a bad POSTMORTEMS_BUILD_DATE is a set-up mistake with a hint, exit code 2, not a stack trace', async () => {
    vi.stubEnv('POSTMORTEMS_BUILD_DATE', 'tomorrow');
    const context = processContext('/project', config);
    let stderr = '';
    const exitCode = await runWithUsage('actions', 'usage', { stderr: { write: (text) => (stderr += text) } }, () =>
      Promise.resolve(context.now.getTime()),
    );
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      'actions: POSTMORTEMS_BUILD_DATE is `tomorrow`, which is not a date\n' +
        'Set it to a date such as 2024-06-01 or a date-time with an offset such as 2024-06-01T12:00:00Z, or unset it to use the current time.\n',
    );
  });
});
