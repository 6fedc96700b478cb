import type { LucideIcon } from 'lucide-react';
import { RefreshCw, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

/** A friendly block for "nothing here yet": what it is, why it is empty, what to do next. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
  compact = false,
}: {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={`empty${compact ? ' empty-compact' : ''}`}>
      <div className="empty-icon">
        <Icon size={compact ? 18 : 22} />
      </div>
      <div className="empty-title">{title}</div>
      {children !== undefined && <div className="empty-body">{children}</div>}
      {action !== undefined && <div className="empty-action">{action}</div>}
    </div>
  );
}

/** What failed to load, and a way to try again. */
export function ErrorState({
  message,
  onRetry,
  compact = false,
}: {
  message: string;
  onRetry?: () => void;
  compact?: boolean;
}) {
  return (
    <EmptyState
      icon={TriangleAlert}
      title="Could not load this"
      compact={compact}
      action={
        onRetry === undefined ? undefined : (
          <button type="button" className="btn" onClick={onRetry}>
            <RefreshCw size={14} /> Try again
          </button>
        )
      }
    >
      {message}
    </EmptyState>
  );
}

/** Grey placeholder lines shaped like the content on its way, so nothing jumps when it arrives. */
export function Skeleton({ lines = 3, height = 14 }: { lines?: number; height?: number }) {
  return (
    <div className="skeleton-stack" aria-busy="true" aria-label="Loading">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ height, width: `${92 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}
