import type { MonitorType } from '@vantage/shared';
import { AppWindow, Globe, HeartPulse, type LucideIcon, Network, Server, ShieldCheck } from 'lucide-react';

const ICONS: Record<MonitorType, LucideIcon> = {
  http: Globe,
  tcp: Network,
  dns: Server,
  tls: ShieldCheck,
  heartbeat: HeartPulse,
  browser: AppWindow,
};

/** The icon of a monitor type. */
export function TypeIcon({ type, size = 15 }: { type: MonitorType; size?: number }) {
  const Icon = ICONS[type];
  return <Icon size={size} className="type-icon" aria-hidden />;
}
