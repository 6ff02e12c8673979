/**
 * The one frame of a view: a section named by its page heading, the lead paragraph under it, and
 * either the view's content or its empty state (`empty`: what is missing before the view has anything
 * to show). Every view in the registry renders through it, so headings, leads and empty states look
 * and read the same everywhere.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, type CSSProperties, type ReactNode } from 'react';

export interface ViewShellProps {
  title: string;
  /** The paragraph under the heading that says what the view is for. */
  lead?: ReactNode;
  /** More of the header under the lead (a note that no data are loaded yet, say). */
  note?: ReactNode;
  /** Shown instead of the content when the view has no results yet. */
  empty?: ReactNode;
  testId: string;
  /** The view's own class next to `kl-view` (its stylesheet hangs off it). */
  className?: string;
  style?: CSSProperties;
  children?: ReactNode;
}

export function ViewShell({ title, lead, note, empty, testId, className, style, children }: ViewShellProps) {
  const headingId = useId();
  return (
    <section className={className ? `kl-view ${className}` : 'kl-view'} style={style} aria-labelledby={headingId} data-testid={testId}>
      <header className="kl-view-header">
        <Heading level={1} data-size="md" id={headingId}>
          {title}
        </Heading>
        {lead !== undefined && <Paragraph>{lead}</Paragraph>}
        {note}
      </header>
      {empty !== undefined ? <Paragraph>{empty}</Paragraph> : children}
    </section>
  );
}
