import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { CanaryReport } from '@vantage/shared';
import { formatSeconds } from '../checks/check-stop.js';
import { describeNetworkError } from '../checks/network-error.js';

/** How a canary is reached: a TCP connect, or an HTTP(S) request where any response counts. */
export type CanaryProbe = { kind: 'tcp'; host: string; port: number } | { kind: 'http'; url: string };

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

/** Reads a canary target: `host:port` and `tcp://`/`ws(s)://` URLs are TCP connects, `http(s)://` a request. */
export function parseCanary(target: string): CanaryProbe {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const split = target.lastIndexOf(':');
    return {
      kind: 'tcp',
      host: target.slice(0, split).replace(/^\[|\]$/g, ''),
      port: Number(target.slice(split + 1)),
    };
  }
  const url = new URL(target);
  if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'http', url: target };
  const port = url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port);
  return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

/** Checks one canary once; never rejects. */
export function checkCanary(
  target: string,
  options: { timeoutMs: number; sourceAddress?: string },
): Promise<CanaryReport> {
  const probe = parseCanary(target);
  return new Promise((resolve) => {
    let settled = false;
    let destroy: () => void = () => {};
    const finish = (message?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(message === undefined ? { target, ok: true } : { target, ok: false, message });
    };
    const timer = setTimeout(() => {
      finish(`timeout after ${formatSeconds(options.timeoutMs / 1000)}`);
      destroy();
    }, options.timeoutMs);
    const localAddress = options.sourceAddress ? { localAddress: options.sourceAddress } : {};
    if (probe.kind === 'tcp') {
      const socket = net.connect({ host: probe.host, port: probe.port, ...localAddress });
      destroy = () => socket.destroy();
      socket.once('connect', () => {
        finish();
        socket.destroy();
      });
      socket.once('error', (error) => finish(describeNetworkError(error, probe.host)));
    } else {
      const client = probe.url.startsWith('https:') ? https : http;
      const request = client.request(
        probe.url,
        { method: 'HEAD', agent: false, ...localAddress },
        (response) => {
          response.resume();
          finish();
          request.destroy();
        },
      );
      destroy = () => request.destroy();
      request.once('error', (error) => finish(describeNetworkError(error, new URL(probe.url).hostname)));
      request.end();
    }
  });
}
