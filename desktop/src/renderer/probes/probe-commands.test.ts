import { describe, expect, it } from 'vitest';
import { probeCommands, regionNameProblem, shellQuote } from './probe-commands.js';

describe('the add-a-probe commands', () => {
  it('uses the real flags of vantage-relay and vantage-probe', () => {
    const commands = probeCommands({ relayUrl: 'wss://relay.example.com', region: 'eu-west', name: 'fra-1' });
    expect(commands.createToken).toBe(
      'vantage-relay token create --role probe --region eu-west --name fra-1',
    );
    expect(commands.startProbe).toBe(
      'vantage-probe --relay wss://relay.example.com --token <TOKEN> --region eu-west --name fra-1',
    );
  });

  it('puts a pasted token in, quoted for the shell', () => {
    const { startProbe } = probeCommands(
      { relayUrl: 'ws://10.0.0.1:7400', region: 'us', name: 'my probe' },
      'vt_abc',
    );
    expect(startProbe).toContain("--token vt_abc --region us --name 'my probe'");
  });

  it('quotes arguments a shell would split or expand', () => {
    expect(shellQuote('plain-1.2')).toBe('plain-1.2');
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote('')).toBe("''");
  });

  it("names the relay's rule for region names", () => {
    expect(regionNameProblem('eu-west')).toBeNull();
    expect(regionNameProblem('EU West')).toMatch(/lowercase/);
  });
});
