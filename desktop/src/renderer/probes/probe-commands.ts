import { RegionName } from '@vantage/shared';

/** What the "add a probe" guide fills its commands with. */
export interface ProbeCommandInput {
  /** The relay's WebSocket address as a VPS probe reaches it, e.g. `wss://relay.example.com`. */
  relayUrl: string;
  region: string;
  name: string;
}

/** The commands that add a probe: a token on the relay's machine, then the probe on its own VPS. */
export interface ProbeCommands {
  createToken: string;
  startProbe: string;
}

/** Placeholder shown in the probe command until the token is pasted. */
export const TOKEN_PLACEHOLDER = '<TOKEN>';

/**
 * The exact `vantage-relay token create` and `vantage-probe` command lines (their real flags),
 * each argument quoted for a POSIX shell when it needs to be.
 */
export function probeCommands(input: ProbeCommandInput, token = TOKEN_PLACEHOLDER): ProbeCommands {
  const region = shellQuote(input.region);
  const name = shellQuote(input.name);
  return {
    createToken: `vantage-relay token create --role probe --region ${region} --name ${name}`,
    startProbe: [
      'vantage-probe',
      `--relay ${shellQuote(input.relayUrl)}`,
      `--token ${token === TOKEN_PLACEHOLDER ? token : shellQuote(token)}`,
      `--region ${region}`,
      `--name ${name}`,
    ].join(' '),
  };
}

/** Why a region name would be refused by the relay, or null when it is fine. */
export function regionNameProblem(region: string): string | null {
  const parsed = RegionName.safeParse(region);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is not a valid region name');
}

/** An argument as a POSIX shell reads it back unchanged: bare when safe, else single-quoted. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
