import { CircleCheck, CircleX, Info, TriangleAlert, X } from 'lucide-react';
import type { Toast } from '../store/notifications-slice.js';
import { useAppStore } from '../store/use-app-store.js';

const ICONS = {
  info: Info,
  success: CircleCheck,
  up: CircleCheck,
  error: CircleX,
  down: CircleX,
  degraded: TriangleAlert,
} as const;

/** Toasts in the bottom corner: notifications from the core and outcomes of actions; a click opens the monitor. */
export function ToastStack() {
  const toasts = useAppStore((s) => s.toasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  const navigate = useAppStore((s) => s.navigate);
  const open = (toast: Toast) => {
    if (toast.monitorId === null) return;
    navigate({ screen: 'monitor', monitorId: toast.monitorId });
    dismiss(toast.id);
  };
  return (
    <div className="toast-stack" role="region" aria-label="Notifications" aria-live="polite">
      {toasts.map((toast) => {
        const Icon = ICONS[toast.tone];
        const clickable = toast.monitorId !== null;
        return (
          <div
            key={toast.id}
            className={`toast toast-${toast.tone}${clickable ? ' toast-link' : ''}`}
            role="status"
          >
            <Icon size={18} className="toast-icon" />
            <button
              type="button"
              className="toast-content"
              onClick={() => open(toast)}
              disabled={!clickable}
              title={clickable ? 'Open this monitor' : undefined}
            >
              <span className="toast-title">{toast.title}</span>
              {toast.body !== '' && <span className="toast-body">{toast.body}</span>}
            </button>
            <button
              type="button"
              className="icon-btn toast-close"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              <X size={14} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
