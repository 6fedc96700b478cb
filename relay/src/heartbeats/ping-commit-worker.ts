import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { HeartbeatPing } from '@vantage/shared';
import { RELAY_CACHE_KIB } from '../storage/sqlite/open-database.js';
import type { NewPing } from './heartbeat-store.js';

/**
 * The worker's whole program, plain CommonJS run with `eval` so that it works the same from
 * TypeScript sources, the bundled CLI and the desktop's build: its own connection to the relay's
 * database (WAL, synchronous=FULL, like the main one), one transaction per batch.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('cache_size = -${RELAY_CACHE_KIB}');
const insert = db.prepare(
  'INSERT INTO heartbeat_pings (monitor_id, at, kind, exit_code, rid, body) VALUES (?, ?, ?, ?, ?, ?)',
);
const insertAll = db.transaction((rows) => rows.map((r) => Number(insert.run(r[0], r[1], r[2], r[3], r[4], r[5]).lastInsertRowid)));
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ ids: insertAll(message) });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

type Row = [string, number, string, number | null, string | null, string];

/**
 * Commits ping batches on a worker thread, so the relay's event loop keeps taking requests while
 * SQLite waits for the disk: the pings that arrive during one commit form the next batch. One
 * batch is in flight at a time, so commits (and their ids) stay in order. A thread that dies fails
 * its batch (its transaction rolled back, or committed unanswered) and is replaced by the next batch.
 */
export class PingCommitWorker {
  readonly #driver: string;
  #worker: Worker | null = null;
  #waiting: { worker: Worker; resolve(ids: number[]): void; reject(error: Error): void } | null = null;
  #closing = false;

  constructor(private readonly databasePath: string) {
    this.#driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = this.#spawn();
  }

  /** Stores a batch in one transaction; resolves with the stored pings once it is committed. */
  insert(pings: readonly NewPing[]): Promise<HeartbeatPing[]> {
    if (this.#closing) return Promise.reject(new Error('the ping commit thread is closing'));
    if (this.#waiting !== null) return Promise.reject(new Error('a ping batch is already in flight'));
    const worker = (this.#worker ??= this.#spawn());
    const rows: Row[] = pings.map((p) => [p.monitorId, p.at, p.kind, p.exitCode, p.rid, p.body]);
    return new Promise<number[]>((resolve, reject) => {
      this.#waiting = { worker, resolve, reject };
      worker.postMessage(rows);
    }).then((ids) => pings.map((p, i) => ({ ...p, id: ids[i]! })));
  }

  /** Ends the thread abruptly, as a crash would (for tests of the recovery). */
  async terminate(): Promise<void> {
    await this.#worker?.terminate();
  }

  /** Closes the worker's connection and ends the thread (after the batch in flight, if any). */
  async close(): Promise<void> {
    this.#closing = true;
    const worker = this.#worker;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    await exited;
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path: this.databasePath, driver: this.#driver },
    });
    worker.on('message', (message: { ids?: number[]; error?: string }) => {
      const waiting = this.#waiting;
      this.#waiting = null;
      if (message.ids !== undefined) waiting?.resolve(message.ids);
      else waiting?.reject(new Error(`storing pings failed: ${message.error ?? 'unknown error'}`));
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      // An old thread's late exit must not fail the batch its successor is committing.
      if (this.#waiting?.worker !== worker) return;
      this.#waiting.reject(error);
      this.#waiting = null;
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the ping commit thread has stopped')));
    return worker;
  }
}
