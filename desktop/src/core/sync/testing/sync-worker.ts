/**
 * A child process for crash tests: opens the store at argv[2] and syncs it with the relay at
 * argv[3] using the desktop token argv[4], printing `progress <received> <remaining>` after each
 * catch-up step and `live <cursor>` once caught up, then stops and exits. The parent kills it with
 * SIGKILL at a moment of its choosing.
 */
import pino from 'pino';
import { openDesktopStore } from '../../store/index.js';
import { startRelaySync } from '../relay-sync-client.js';

const [path, url, token] = process.argv.slice(2);
const store = openDesktopStore(path!);
let done = false;
const sync = startRelaySync({
  store,
  url: url!,
  token: token!,
  desktop: { id: store.desktopId, name: 'crash worker', version: '0.0.0-test' },
  logger: pino({ level: 'warn' }, pino.destination(2)),
  listeners: {
    sync(status) {
      const { live, received, remaining } = status.catchUp;
      if (done) return;
      if (live) {
        done = true;
        process.stdout.write(`live ${status.cursor}\n`);
        void sync.stop().then(() => {
          store.close();
          process.exit(0);
        });
      } else if (received > 0) process.stdout.write(`progress ${received} ${remaining}\n`);
    },
  },
});
