import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [99.95, '99.95'],
    [-3, '-3'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['@sum', `"'@sum"`],
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ["-2+3+cmd|'/C calc'!A0", `"'-2+3+cmd|'/C calc'!A0"`],
    ['+1 555 0100', `"'+1 555 0100"`],
    ['\tindented', `"'\tindented"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('writes %j as %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['monitor', 'uptime'],
        ['API, prod', 0.999],
      ]),
    ).toBe('monitor,uptime\r\n"API, prod",0.999\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
