/**
 * A worker thread of `checkContentFolder`: takes batches from the shared queue
 * it was started with until none are left, and sends back what it found in each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles, takeBatch, type WorkerMessage, type WorkerSetup } from './content-folder';
import { stopEsbuildServices } from './process-table';

const queue = workerData as WorkerSetup;
const send = (message: WorkerMessage) => {
  parentPort!.postMessage(message);
};

let ending: WorkerMessage = { done: true };
try {
  for (let index = takeBatch(queue); index !== undefined; index = takeBatch(queue))
    send({ index, result: await checkFiles(queue.batches[index]!, queue.setup) });
} catch (error) {
  ending = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
// Last, while this thread's loader can still wait for it: the esbuild service tsx started to load this code.
await stopEsbuildServices(queue.esbuildBefore).catch(() => undefined);
send(ending);
