import net from 'node:net';
import tls from 'node:tls';
import type { TestCertificate } from './test-certificates.js';

/** A local listener that accepts connections (and TLS handshakes) and records who connected. */
export interface TcpTarget {
  port: number;
  /** Remote address of each accepted connection, in order. */
  remoteAddresses: string[];
  close(): Promise<void>;
}

/** Options of {@link startTcpTarget}. */
export interface TcpTargetOptions {
  /** Completes TLS handshakes with this certificate. */
  tls?: TestCertificate;
}

/** Starts a listener on 127.0.0.1, port 0. */
export async function startTcpTarget(options: TcpTargetOptions = {}): Promise<TcpTarget> {
  const remoteAddresses: string[] = [];
  const sockets = new Set<net.Socket>();
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = options.tls
    ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onSocket)
    : net.createServer(onSocket);
  // Record at TCP accept so a failed TLS handshake still shows who connected.
  server.on('connection', (socket: net.Socket) => {
    remoteAddresses.push(socket.remoteAddress ?? '');
    if (options.tls) onSocket(socket);
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    remoteAddresses,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 with nothing listening: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
