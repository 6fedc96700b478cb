import { describe, expect, it } from 'vitest';
import { quickMonitorInput } from './quick-monitor.js';

describe('the welcome screen quick monitor', () => {
  it('checks the address typed over HTTP, named after its host', () => {
    expect(quickMonitorInput(' https://api.example.com/health ')).toEqual({
      type: 'http',
      name: 'api.example.com',
      url: 'https://api.example.com/health',
    });
  });

  it('adds https:// to a bare host like a browser would', () => {
    expect(quickMonitorInput('example.com')).toMatchObject({
      url: 'https://example.com',
      name: 'example.com',
    });
  });

  it('keeps an explicit http:// address', () => {
    expect(quickMonitorInput('http://127.0.0.1:8080/')).toMatchObject({
      url: 'http://127.0.0.1:8080/',
      name: '127.0.0.1',
    });
  });
});
