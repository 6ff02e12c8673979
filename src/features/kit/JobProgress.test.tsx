/** A job's progress says why its bar stands still while the pool runs a backup copy of a hung block. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { JobProgressView } from './JobProgress';
import { kitStrings } from './strings';

const render = (backups?: number) =>
  renderToStaticMarkup(<JobProgressView progress={{ fraction: 0.5, backups }} title="Klyngebootstrap" onCancel={() => {}} testId="p" />);
const HINT = 'En del av jobben tar uvanlig lang tid, så den kjøres på nytt i en annen hjelpetråd. Resultatet blir det samme.';

describe('JobProgress and a backup copy', () => {
  it('says a backup runs while the pool reports one, in a live region that is there before', () => {
    const quiet = render(0);
    expect(quiet).toContain('<p role="status" class="kl-job-backup" data-testid="p-backup"></p>');
    expect(quiet).not.toContain(HINT);
    expect(render(1)).toContain(`<p role="status" class="kl-job-backup" data-testid="p-backup">${HINT}</p>`);
    expect(render(1)).toContain('data-backups="1"');
  });

  it('an inline run (no pool state) shows no hint', () => {
    expect(render(undefined)).not.toContain(HINT);
  });

  it('has the English text in the i18n table', () => {
    expect(kitStrings.nb.backup).toBe(HINT);
    expect(kitStrings.en.backup).toBe('One part of the job is taking unusually long, so it is being run again in another helper thread. The result will be the same.');
  });
});
