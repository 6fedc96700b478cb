import { describe, expect, it } from 'vitest';
import { describeImport, exportFileName, formatOfFile } from './config-files.js';

describe('configuration files', () => {
  it('names exports by date and format', () => {
    expect(exportFileName('yaml', Date.UTC(2024, 2, 4, 12))).toBe('vantage-config-2024-03-04.yaml');
  });

  it('reads the format from the file name, leaving unknown ones to the core', () => {
    expect(formatOfFile('Monitors.JSON')).toBe('json');
    expect(formatOfFile('a.yml')).toBe('yaml');
    expect(formatOfFile('config.txt')).toBeUndefined();
  });

  it('says what an import did', () => {
    expect(describeImport({ created: 3, updated: 1, deleted: 0, unchanged: 5 })).toBe(
      'Monitors: 3 created, 1 updated, 5 unchanged.',
    );
    expect(describeImport({ created: 0, updated: 0, deleted: 0, unchanged: 0 })).toMatch(/nothing changed/);
  });
});
