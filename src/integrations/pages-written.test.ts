import { describe, expect, test } from 'vitest';
import { announcePagesWritten } from './pages-written';

describe('announcePagesWritten', () => {
  test('sends the output folder to the process that opened the channel, then closes the channel', async () => {
    const calls: unknown[] = [];
    const channel = {
      send: (message: unknown, callback: () => void) => {
        calls.push(message);
        setTimeout(callback, 1);
        return true;
      },
      disconnect: () => calls.push('disconnected'),
    } as unknown as Parameters<typeof announcePagesWritten>[1];
    await announcePagesWritten('/work/site/dist', channel);
    expect(calls).toEqual([{ type: 'pages-written', outDir: '/work/site/dist' }, 'disconnected']);
  });

  test('does nothing in a build run as astro build alone, which has no channel', async () => {
    await expect(announcePagesWritten('/work/site/dist', { disconnect: () => {} })).resolves.toBe(undefined);
  });
});
