import type { ReactNode } from 'react';

/** One setting: what it is and why on the left, its control on the right. */
export function SettingRow({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="setting-row">
      <div className="setting-text">
        <div className="setting-title">{title}</div>
        {description !== undefined && <div className="setting-description">{description}</div>}
      </div>
      <div className="setting-control">{children}</div>
    </div>
  );
}

/** A bar for work in progress: a fraction, or moving stripes when the total is unknown. */
export function Progress({ value, label }: { value: number | null; label: string }) {
  return (
    <div
      className={`progress${value === null ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value === null ? undefined : Math.round(value * 100)}
    >
      <div style={value === null ? undefined : { width: `${Math.round(value * 100)}%` }} />
    </div>
  );
}
