/**
 * A worker thread of `checkContentFolder`: checks each batch of files it is
 * sent with the setup it was started with, and answers with what it found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles, type CheckSetup } from './content-folder';

const setup = workerData as CheckSetup;

parentPort!.on('message', (batch: string[]) => {
  checkFiles(batch, setup).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
