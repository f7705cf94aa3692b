import { useId, type ReactNode } from 'react';

export function SidebarSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="sidebar-section" aria-labelledby={id}>
      <h2 id={id} className="sidebar-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
