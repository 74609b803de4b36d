import { Temporal } from 'temporal-polyfill';
import { resolveTimelineTimes } from '../src/lib/time';
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
const N = 3000;
const cases = Array.from({ length: N }, (_, i) => ({ start: new Date(Date.UTC(2020, 0, 1) + i * 86400000 * 0.5 + 3600_000 * 9), zone: zones[i % zones.length]!, times: ['09:12', '09:20', '09:31', '09:45', '10:02', '10:30', '11:00', '11:15'] }));
for (let r = 0; r < 3; r++) {
  let t = performance.now(); for (const c of cases) resolveTimelineTimes(c.times, c.start, c.zone); console.log('resolve', ((performance.now() - t) / N * 1000).toFixed(1), 'us/file');
  t = performance.now(); for (const c of cases) { const d = Temporal.Instant.fromEpochMilliseconds(c.start.getTime()).toZonedDateTimeISO(c.zone).toPlainDate(); d.toZonedDateTime(c.zone); } console.log('startOfDay', ((performance.now() - t) / N * 1000).toFixed(1));
  t = performance.now(); for (const c of cases) { const d = Temporal.Instant.fromEpochMilliseconds(c.start.getTime()).toZonedDateTimeISO(c.zone); d.getTimeZoneTransition('next'); } console.log('transition', ((performance.now() - t) / N * 1000).toFixed(1));
  t = performance.now(); for (const c of cases) { Temporal.Instant.from('2024-03-14T09:12:00Z'); } console.log('instant.from', ((performance.now() - t) / N * 1000).toFixed(1));
  t = performance.now(); for (const c of cases) { Temporal.PlainDate.from('2024-03-14', { overflow: 'reject' }); } console.log('plaindate.from', ((performance.now() - t) / N * 1000).toFixed(1));
}
