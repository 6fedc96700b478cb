import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import dnsPacket, { type Answer, type RecordType } from 'dns-packet';

/** The records of one name. MX entries are written as `10 mail.example.test`. */
export interface DnsRecords {
  A?: string[];
  AAAA?: string[];
  CNAME?: string[];
  MX?: string[];
  TXT?: string[];
  NS?: string[];
}

/** Options of {@link startDnsTarget}. */
export interface DnsTargetOptions {
  /** Names (without trailing dot) and their records; other names answer NXDOMAIN. */
  zone: Record<string, DnsRecords>;
  /** Names that answer SERVFAIL. */
  servfail?: string[];
  /** Names that never get an answer, to make lookups time out. */
  silent?: string[];
}

/** A query as the server saw it. */
export interface SeenQuery {
  name: string;
  type: string;
  remoteAddress: string;
}

/** A local authoritative DNS server over UDP. */
export interface DnsTarget {
  /** `127.0.0.1:port`, the form a DNS monitor's `resolver` takes. */
  address: string;
  port: number;
  queries: SeenQuery[];
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

function answersFor(name: string, type: string, records: DnsRecords): Answer[] {
  const base = { name, class: 'IN' as const, ttl: 60 };
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
      return (records[type] ?? []).map((data) => ({ ...base, type, data }) as Answer);
    case 'MX':
      return (records.MX ?? []).map((text) => {
        const [preference, exchange] = text.split(' ');
        return { ...base, type: 'MX', data: { preference: Number(preference), exchange: exchange ?? '' } };
      });
    case 'TXT':
      return (records.TXT ?? []).map((data) => ({ ...base, type: 'TXT', data }));
    default:
      return [];
  }
}

/** Starts the server on 127.0.0.1, UDP port 0. */
export async function startDnsTarget(options: DnsTargetOptions): Promise<DnsTarget> {
  const zone = new Map(Object.entries(options.zone).map(([name, records]) => [name.toLowerCase(), records]));
  const servfail = new Set(options.servfail?.map((name) => name.toLowerCase()));
  const silent = new Set(options.silent?.map((name) => name.toLowerCase()));
  const queries: SeenQuery[] = [];
  const socket = dgram.createSocket('udp4');

  socket.on('message', (message, remote) => {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.replace(/\.$/, '').toLowerCase();
    queries.push({ name, type: question.type, remoteAddress: remote.address });
    if (silent.has(name)) return;
    const records = zone.get(name);
    const rcode = servfail.has(name) ? RCODE.SERVFAIL : records ? RCODE.NOERROR : RCODE.NXDOMAIN;
    const response = dnsPacket.encode({
      id: query.id,
      type: 'response',
      flags:
        dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions: [question],
      answers:
        records && rcode === RCODE.NOERROR
          ? answersFor(question.name, question.type as RecordType, records)
          : [],
    });
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
