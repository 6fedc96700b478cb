import { describe, expect, it } from 'vitest';
import { describeCounts, type TrayFacts, trayMenuModel } from './tray-menu-model.js';

const facts = (over: Partial<TrayFacts>): TrayFacts => ({
  counts: {},
  mutedUntil: null,
  now: 1_000_000,
  formatTime: (ms) => `T${ms}`,
  ...over,
});
const labels = (model: ReturnType<typeof trayMenuModel>) =>
  model.items.map((item) =>
    item.type === 'separator' ? '---' : `${item.label}${item.action ? ` [${item.action}]` : ''}`,
  );

describe('tray menu model', () => {
  it('shows the counts worst first, Open, pause for an hour and Quit', () => {
    const model = trayMenuModel(facts({ counts: { up: 5, down: 2, degraded: 1 } }));
    expect(model.state).toBe('down');
    expect(model.tooltip).toBe('Vantage: 2 down, 1 degraded, 5 up');
    expect(labels(model)).toEqual([
      '2 down',
      '1 degraded',
      '5 up',
      '---',
      'Open Vantage [open]',
      'Pause notifications for an hour [mute-hour]',
      '---',
      'Quit Vantage [quit]',
    ]);
  });

  it('says all are up, or that there are no monitors yet', () => {
    expect(trayMenuModel(facts({ counts: { up: 3 } })).tooltip).toBe('Vantage: all 3 up');
    const empty = trayMenuModel(facts({}));
    expect(empty.state).toBe('empty');
    expect(empty.tooltip).toBe('Vantage: no monitors yet');
    expect(labels(empty)[0]).toBe('No monitors yet');
  });

  it('while muted, says until when and offers to resume; once the time passed, offers to pause again', () => {
    const muted = trayMenuModel(facts({ counts: { up: 1 }, mutedUntil: 1_060_000 }));
    expect(muted.tooltip).toBe('Vantage: all 1 up (notifications paused)');
    expect(labels(muted)).toContain('Notifications paused until T1060000');
    expect(labels(muted)).toContain('Resume notifications [unmute]');
    const expired = trayMenuModel(facts({ counts: { up: 1 }, mutedUntil: 999_999 }));
    expect(labels(expired)).toContain('Pause notifications for an hour [mute-hour]');
  });

  it('words every state', () => {
    expect(describeCounts({ dependency_down: 1, unknown: 2, pending: 3, maintenance: 4, paused: 5 })).toBe(
      '1 down with a dependency, 2 unknown, 3 waiting for a first check, 4 in maintenance, 5 paused',
    );
  });
});
