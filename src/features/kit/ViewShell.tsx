/**
 * The one frame of a view: the page heading, the lead paragraph, and either the view's content or its
 * empty state (`empty`: what is missing before the view has anything to show).
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export interface ViewShellProps {
  title: string;
  /** The paragraph under the heading that says what the view is for. */
  lead?: ReactNode;
  /** Shown instead of the content when the view has no results yet. */
  empty?: ReactNode;
  testId: string;
  children?: ReactNode;
}

export function ViewShell({ title, lead, empty, testId, children }: ViewShellProps) {
  return (
    <div className="kl-view" data-testid={testId}>
      <Heading level={1} data-size="md">
        {title}
      </Heading>
      {lead !== undefined && <Paragraph>{lead}</Paragraph>}
      {empty !== undefined ? <Paragraph>{empty}</Paragraph> : children}
    </div>
  );
}
