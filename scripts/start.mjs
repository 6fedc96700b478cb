#!/usr/bin/env node
/**
 * `npm start`: builds what is needed, then runs Vantage on this machine: the relay and a local
 * probe (region `local`) in one process, the very modules that run on a VPS. The desktop app's
 * window and web UI arrive with the desktop issues; until then this prints how to reach the
 * relay's API.
 *
 * Flags: --data-dir DIR (default ~/.local/share/vantage), --port N (default 7400, 0 = any free),
 *        --log-level LEVEL (default warn).
 */
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
let args;
try {
  args = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '7400' },
      'log-level': { type: 'string', default: 'warn' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(2);
}
if (args.help) {
  console.log('usage: npm start -- [--data-dir DIR] [--port N] [--log-level trace|debug|info|warn|error]');
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`npm start: --port must be a whole number from 0 to 65535, got "${args.port}"`);
  process.exit(2);
}
const dataHome = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
const dataDir = resolve(args['data-dir'] ?? join(dataHome, 'vantage'));

console.log('Building…');
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], {
  cwd: root,
  stdio: 'inherit',
});

const { startRelay } = await import('@vantage/relay');
const { startProbe } = await import('@vantage/probe');

const relay = await startRelay({
  host: '127.0.0.1',
  port,
  dataDir: join(dataDir, 'relay'),
  logLevel: args['log-level'],
});
const probe = await startProbe({
  relay: relay.wsUrl,
  token: relay.localProbeToken('local'),
  region: 'local',
  name: 'this computer',
  dataDir: join(dataDir, 'probe'),
  logLevel: args['log-level'],
});

const tokenFile = join(relay.dataDir, 'desktop-token');
console.log(`
Vantage is running: relay ${relay.url} with a local probe (region "local").
  API docs      ${relay.url}/api/v1/docs
  health        ${relay.url}/healthz    metrics ${relay.url}/metrics
  API token     in ${tokenFile} (send it as "Authorization: Bearer <token>")
  data          ${dataDir}

Add a monitor:
  curl -X POST ${relay.url}/api/v1/monitors -H "Authorization: Bearer $(cat ${tokenFile})" \\
    -H 'content-type: application/json' \\
    -d '{"id":"example","name":"Example","type":"http","url":"https://example.com","interval":30}'
Then:   curl ${relay.url}/api/v1/status -H "Authorization: Bearer $(cat ${tokenFile})"

Press Ctrl+C to stop.`);

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await probe.stop();
  await relay.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
