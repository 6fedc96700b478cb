import { HeartbeatDetail, HeartbeatSummary, MonitorId } from '@vantage/shared';
import { z } from 'zod';
import { type MethodSpec, method } from '../method-spec.js';

// Heartbeat (push) monitors are pinged at the relay, which keeps their URLs, pings and runs;
// these methods are the desktop's window onto its `/api/v1/heartbeats` routes.

const monitorRef = z.object({ monitorId: MonitorId });

/** The `heartbeats.*` methods: a heartbeat's URL, state and runs, and a new URL. */
export const HEARTBEAT_METHODS = {
  'heartbeats.get': method(
    "A heartbeat monitor's ping URL, state, next due time and recent runs",
    { method: 'GET', path: '/heartbeats/:monitorId' },
    monitorRef,
    HeartbeatDetail,
  ),
  'heartbeats.rotateToken': method(
    'Gives a heartbeat monitor a new ping URL; the old one stops working at once',
    { method: 'POST', path: '/heartbeats/:monitorId/rotate-token' },
    monitorRef,
    HeartbeatSummary,
  ),
} satisfies Record<string, MethodSpec>;
