import type { ReactNode } from 'react';

/** The title row of a screen: title, a line under it, and the screen's actions on the right. */
export function PageHeader({
  title,
  subtitle,
  actions,
  leading,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  leading?: ReactNode;
}) {
  return (
    <header className="page-header">
      {leading}
      <div className="page-heading">
        <h1 className="page-title">{title}</h1>
        {subtitle !== undefined && <div className="page-subtitle">{subtitle}</div>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </header>
  );
}
