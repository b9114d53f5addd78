import { type ReactNode } from "react";
import { useTranslation } from "~/ui/use-translation";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/** What a later pipeline step will add to this page, said plainly. */
export function ComingNote({ items }: { items: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <aside className="coming-note" aria-labelledby="coming-note-title">
      <h2 id="coming-note-title">{t("pages.comingTitle")}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </aside>
  );
}

export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: ReactNode;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** What an error boundary shows: the status, what happened, and (optionally) a way on. */
export function ErrorPage({ status, title, message, children }: { status: number; title: string; message: string; children?: ReactNode }) {
  return (
    <div className="error-page" role="alert">
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{message}</p>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
