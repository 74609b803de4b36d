/**
 * A worker thread of `checkContentFolder`: takes batches from the shared queue
 * it was started with until none are left, and sends back what it found in each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles, takeBatch, type WorkerMessage, type WorkerSetup } from './content-folder';

const queue = workerData as WorkerSetup;
const send = (message: WorkerMessage) => {
  parentPort!.postMessage(message);
};

try {
  for (let index = takeBatch(queue); index !== undefined; index = takeBatch(queue))
    send({ index, result: await checkFiles(queue.batches[index]!, queue.setup) });
  send({ done: true });
} catch (error) {
  send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
