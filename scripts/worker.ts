/**
 * `npm run worker`: the background worker alone (mail delivery and the periodic jobs of server/jobs.ts), for
 * deployments that run the site with WORKER=off on several instances and one or more workers beside them. Uses
 * DATABASE_URL, or the embedded database under DATA_DIR. SIGTERM or Ctrl-C: the messages under way are finished and
 * recorded, the others handed back to the queue, then it exits.
 */
import { startWorker } from '../server/jobs';
import { resolveDatabase } from './lib/database';

const database = await resolveDatabase();
const worker = await startWorker(database.url);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the messages under way, then stopping`);
  await worker.stop();
  await database.release();
  process.exit(0);
}
process.on('SIGTERM', (signal) => void stop(signal));
process.on('SIGINT', (signal) => void stop(signal));
