/**
 * Share and export: results tables to Excel/CSV/clipboard, the project file (save/open, optionally with
 * the data), R and Stata scripts that reproduce the models, and the presentation for meetings.
 * The view only packages what the store holds; it computes no statistics.
 */
import { Alert, Button, Checkbox, Fieldset, Heading, Label, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useLanguage } from '../../i18n/useLanguage';
import { useAnalysisStore, selectIsSynthetic } from '../../store/analysisStore';
import { useUiStore } from '../../store/uiStore';
import { ExportButtons } from '../ExportButtons';
import { generateRScript } from '../../export/scripts/rScript';
import { generateStataScript } from '../../export/scripts/stataScript';
import { DEFAULT_DATA_FILE } from '../../export/scripts/common';
import { downloadBytes, MIME, safeFileBase } from '../../export/download';
import { projectFileName } from '../../export/projectFile';
import type { Problem } from '../../engine/problem';
import { views } from '../registry';
import { Presentation } from '../present/Presentation';
import { defaultSlides, slidesFor, type Slide } from '../present/slides';
import { parseItemSlide } from '../present/slideKinds';
import { ReportTableView } from './ReportTableView';
import { useRegressionTable, useRegressionTableBuilder } from './useReportTables';
import { buildProjectText, openProjectFile } from './projectActions';
import { downloadAnalysisData } from './analysisDataAction';
import { ViewShell } from '../kit/ViewShell';

const strings = {
  nb: {
    title: 'Del og eksporter',
    intro: 'Alt skjer i nettleseren: filene lages her og lastes ned til maskinen din. Ingen data sendes noe sted.',
    tables: 'Resultattabeller',
    noTables: 'Ingen modellresultater ennå. Legg til en modell under «Modeller».',
    csvStyle: 'CSV-format',
    csvNb: 'Norsk Excel (semikolon, desimalkomma)',
    csvEn: 'Internasjonalt (komma, desimalpunktum)',
    project: 'Prosjektfil',
    projectIntro: 'Lagrer hele analysen (oppsett, variabler, modeller, nøkler) i én fil som kan åpnes igjen her eller kjøres med kommandolinjeverktøyet.',
    embed: 'Ta med dataene (de opprinnelige filene) i prosjektfila',
    save: 'Lagre prosjektfil',
    open: 'Åpne prosjektfil',
    opened: 'Prosjektet er åpnet.',
    missing: (f: string) => `Disse filene kunne ikke tas med: ${f}`,
    scripts: 'Gjenskap i R eller Stata',
    scriptsIntro: `Skriptene leser datasettet (${DEFAULT_DATA_FILE}, eller SSB-filene) og kjører de samme modellene med de samme standardfeilene.`,
    r: 'Last ned R-skript',
    stata: 'Last ned Stata do-fil',
    data: 'Last ned analysedata (CSV)',
    dataHelp: `Legg ${DEFAULT_DATA_FILE} i samme mappe som skriptet: én rad per kommune og år, alle variabler (også de avledede), komma som skilletegn, tom celle = mangler.`,
    present: 'Presentasjon',
    presentIntro: 'Velg lysbildene og start presentasjonen. Hver figur og tabell kan bli et eget lysbilde: trykk «Legg til som lysbilde» ved siden av eksportknappene i visningen den står i. Bla med piltastene eller en presentasjonsklikker; Esc avslutter.',
    slides: 'Lysbilder',
    start: 'Start presentasjon',
  },
  en: {
    title: 'Share and export',
    intro: 'Everything happens in your browser: files are made here and downloaded to your machine. No data are sent anywhere.',
    tables: 'Results tables',
    noTables: 'No model results yet. Add a model under "Models".',
    csvStyle: 'CSV format',
    csvNb: 'Norwegian Excel (semicolon, decimal comma)',
    csvEn: 'International (comma, decimal point)',
    project: 'Project file',
    projectIntro: 'Saves the whole analysis (setup, variables, models, keys) in one file you can open here again or run with the command-line tool.',
    embed: 'Include the data (the original files) in the project file',
    save: 'Save project file',
    open: 'Open project file',
    opened: 'The project was opened.',
    missing: (f: string) => `These files could not be included: ${f}`,
    scripts: 'Reproduce in R or Stata',
    scriptsIntro: `The scripts read the dataset (${DEFAULT_DATA_FILE}, or the SSB files) and run the same models with the same standard errors.`,
    r: 'Download R script',
    stata: 'Download Stata do-file',
    data: 'Download analysis data (CSV)',
    dataHelp: `Put ${DEFAULT_DATA_FILE} in the script's folder: one row per municipality and year, every variable (derived ones too), comma-separated, empty cell = missing.`,
    present: 'Presentation',
    presentIntro: 'Choose the slides and start the presentation. Every chart and table can become a slide of its own: press «Add as slide» beside the export buttons in the view it is in. Use the arrow keys or a presentation clicker; Esc exits.',
    slides: 'Slides',
    start: 'Start presentation',
  },
};

export function ShareView() {
  const s = useStrings(strings);
  const lang = useLanguage();
  const spec = useAnalysisStore((st) => st.spec);
  const slides = useUiStore((st) => st.slides);
  const csvStyle = useUiStore((st) => st.csvStyle);
  const setView = useUiStore((st) => st.setView);
  const demo = useAnalysisStore(selectIsSynthetic);
  const table = useRegressionTable();
  const regressionTable = useRegressionTableBuilder();
  const [embed, setEmbed] = useState(true);
  const [projectMsg, setProjectMsg] = useState<{ ok: boolean; text: string; problems: Problem[] } | null>(null);
  const [presenting, setPresenting] = useState(false);
  const [dataProblem, setDataProblem] = useState<Problem | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const fileId = useId();
  const base = safeFileBase(spec.title);

  const chosen = slidesFor({ slides }, lang);
  // Charts and tables added with «Legg til som lysbilde» in their views come first, in the order added.
  const items = chosen.flatMap((x) => {
    const item = parseItemSlide(x.kind);
    const view = item && views.find((v) => v.id === item.view);
    return view ? [{ ...x, title: `${x.title} (${view.title[lang]})` }] : [];
  });
  // Whole views are no longer offered (shrunk to a slide they cannot be read); a saved set that
  // has them still shows them, and they can be unticked here.
  const oldViews = chosen.filter((x) => x.kind.startsWith('view:'));
  const candidates: Slide[] = [...defaultSlides(lang), ...items, ...oldViews];
  const toggleSlide = (slide: Slide, on: boolean) => {
    const next = on ? [...chosen.filter((x) => x.kind !== slide.kind), slide] : chosen.filter((x) => x.kind !== slide.kind);
    // Keep the order of the candidate list, so slides follow the analysis flow.
    setView({ slides: candidates.filter((c) => next.some((x) => x.kind === c.kind)).map((c) => next.find((x) => x.kind === c.kind)!) });
  };

  return (
    <ViewShell testId="share-view" title={s.title} lead={s.intro} style={{ display: 'grid', gap: '2rem', maxWidth: 1100 }}>

      <section aria-labelledby="share-tables">
        <Heading level={2} data-size="md" id="share-tables">
          {s.tables}
        </Heading>
        <Fieldset>
          <Fieldset.Legend>{s.csvStyle}</Fieldset.Legend>
          <Radio label={s.csvNb} name="csv-style" value="nb" checked={csvStyle === 'nb'} onChange={() => setView({ csvStyle: 'nb' })} />
          <Radio label={s.csvEn} name="csv-style" value="en" checked={csvStyle === 'en'} onChange={() => setView({ csvStyle: 'en' })} />
        </Fieldset>
        {table ? (
          <div style={{ display: 'grid', gap: 12, marginTop: 12 }}>
            <ExportButtons fileBase={`${base}-regresjon`} tables={(l) => [regressionTable(l) ?? table]} testId="share-table-export" slide={false} />
            <div style={{ overflowX: 'auto' }}>
              <ReportTableView table={table} />
            </div>
          </div>
        ) : (
          <Paragraph data-testid="share-no-tables">{s.noTables}</Paragraph>
        )}
      </section>

      <section aria-labelledby="share-project">
        <Heading level={2} data-size="md" id="share-project">
          {s.project}
        </Heading>
        <Paragraph>{s.projectIntro}</Paragraph>
        <Checkbox label={s.embed} checked={embed} onChange={(e) => setEmbed(e.target.checked)} />
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginTop: 8 }}>
          <Button
            data-testid="save-project"
            onClick={async () => {
              const { text, missing } = await buildProjectText(spec, embed);
              downloadBytes(text, projectFileName(spec), MIME.json);
              setProjectMsg(missing.length ? { ok: false, text: s.missing(missing.join(', ')), problems: [] } : null);
            }}
          >
            {s.save}
          </Button>
          <Label htmlFor={fileId}>{s.open}</Label>
          <input
            id={fileId}
            type="file"
            accept=".json,.knl.json,application/json"
            data-testid="open-project"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              const r = await openProjectFile(new Uint8Array(await f.arrayBuffer()));
              setProjectMsg({ ok: r.ok, text: r.ok ? s.opened : '', problems: r.problems });
            }}
          />
        </div>
        {projectMsg && (
          <Alert data-color={projectMsg.ok ? 'success' : 'warning'} role="status" data-testid="project-message" style={{ marginTop: 12 }}>
            {projectMsg.text && <Paragraph>{projectMsg.text}</Paragraph>}
            {projectMsg.problems.map((p, i) => (
              <Paragraph key={i}>{lang === 'nb' ? p.message : p.messageEn}</Paragraph>
            ))}
          </Alert>
        )}
      </section>

      <section aria-labelledby="share-scripts">
        <Heading level={2} data-size="md" id="share-scripts">
          {s.scripts}
        </Heading>
        <Paragraph>{s.scriptsIntro}</Paragraph>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Button variant="secondary" data-testid="download-r" onClick={() => downloadBytes(generateRScript(spec), `${base}.R`, MIME.text)}>
            {s.r}
          </Button>
          <Button variant="secondary" data-testid="download-stata" onClick={() => downloadBytes(generateStataScript(spec), `${base}.do`, MIME.text)}>
            {s.stata}
          </Button>
          <Button variant="secondary" data-testid="download-analysis-data" onClick={async () => setDataProblem(await downloadAnalysisData(spec))}>
            {s.data}
          </Button>
        </div>
        <Paragraph data-size="sm">{s.dataHelp}</Paragraph>
        {dataProblem && (
          <Alert data-color="danger" role="alert" data-testid="analysis-data-problem">
            {lang === 'nb' ? dataProblem.message : dataProblem.messageEn}
          </Alert>
        )}
      </section>

      <section aria-labelledby="share-present">
        <Heading level={2} data-size="md" id="share-present">
          {s.present}
        </Heading>
        <Paragraph>{s.presentIntro}</Paragraph>
        <Fieldset>
          <Fieldset.Legend>{s.slides}</Fieldset.Legend>
          {candidates.map((c) => (
            <Checkbox key={c.kind} label={c.title} checked={chosen.some((x) => x.kind === c.kind)} onChange={(e) => toggleSlide(c, e.target.checked)} />
          ))}
        </Fieldset>
        <Button ref={startRef} data-testid="start-presentation" style={{ marginTop: 12 }} disabled={chosen.length === 0} onClick={() => setPresenting(true)}>
          {s.start}
        </Button>
      </section>
      {presenting && (
        <Presentation
          onClose={() => {
            setPresenting(false);
            // Return focus to where the user started the presentation.
            requestAnimationFrame(() => startRef.current?.focus());
          }}
        />
      )}
      {demo && <span hidden data-testid="share-demo" />}
    </ViewShell>
  );
}
