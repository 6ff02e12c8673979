/**
 * The data view: upload (drag-and-drop or picker, many files), per-file progress and cancel, «Hent fra
 * SSB» (table search, query builder, recipes, refresh; the fetch runs on the page, parsing in the worker), what
 * was detected per file with overrides and the mapping step, the municipality structure, the
 * variable catalogue and the validation report. It only reads the store and calls its actions;
 * all parsing happens in the worker.
 */
import { Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { memo, useDeferredValue, useRef, useState, type DragEvent } from 'react';
import type { Problem } from '../../engine/problem';
import { useStrings } from '../../i18n/useStrings';
import type { ValidationReport, VariableInfo } from '../../ingest/types';
import type { DataSpec, SourceSpec } from '../../spec/sections/data';
import { useAnalysisStore } from '../../store/analysisStore';
import { CatalogueTable } from './CatalogueTable';
import { DataChecklist } from './DataChecklist';
import { FileCard } from './FileCard';
import { QueueList } from './QueueList';
import { SsbPanel } from './ssb/SsbPanel';
import { StructureGaps } from './StructureGaps';
import { strings } from './strings';
import { useImportQueue } from './useImportQueue';
import { ValidationPanel } from './ValidationPanel';
import { useRevealAfterFrame } from '../useDeferredMount';
import './upload.css';

/** The same problem arrives from the import and from the dataset build; show it once. */
function uniqueProblems(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.code}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function UploadView() {
  const s = useStrings(strings);
  // The file cards, catalogue and validation report are the big part of this view. Their inputs are
  // deferred: when the demo's spec or results land in the store (one blocking update), this render
  // keeps the old values and the memoised body re-renders in an interruptible, time-sliced one
  // (speed budget: no main-thread task over 50 ms).
  const sources = useDeferredValue(useAnalysisStore((st) => st.spec.data.sources));
  const structure = useAnalysisStore((st) => st.spec.data.structure);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const validation = useDeferredValue(
    useAnalysisStore((st) => st.results?.dataset?.validation as ValidationReport | undefined),
  );
  const problems = useDeferredValue(useAnalysisStore((st) => st.problems));
  const catalogue = useDeferredValue(useAnalysisStore((st) => st.catalogue));
  const queue = useImportQueue();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length > 0) queue.add(e.dataTransfer.files);
  };

  return (
    <section className="kl-upload" aria-labelledby="kl-upload-title">
      <Heading level={2} id="kl-upload-title" data-size="md">
        {s.title}
      </Heading>
      <Paragraph>{s.intro}</Paragraph>

      <div
        className={`kl-dropzone${dragging ? ' kl-dropzone-active' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Paragraph>
          {s.drop}{' '}
          <label className="kl-file-pick">
            <span className="ds-button" data-variant="primary" data-size="sm">
              {s.pick}
            </span>
            <input
              ref={inputRef}
              type="file"
              multiple
              accept=".csv,.tsv,.txt,.json,.jsonstat,.xlsx,.xls"
              aria-label={s.pickLabel}
              data-testid="file-input"
              className="kl-visually-hidden"
              onChange={(e) => {
                if (e.target.files && e.target.files.length > 0) queue.add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        </Paragraph>
        <Paragraph data-size="sm">{s.maxSize}</Paragraph>
      </div>

      <QueueList items={queue.items} onCancel={queue.cancel} />

      <SsbPanel />
      <DataChecklist />

      <Field className="kl-structure">
        <Label htmlFor="kl-structure">{s.structure}</Label>
        <Paragraph data-size="sm">{s.structureHelp}</Paragraph>
        <Select
          id="kl-structure"
          data-testid="structure"
          value={structure}
          onChange={(e) => updateSpec((d) => void (d.data.structure = e.target.value as DataSpec['structure']))}
        >
          <option value="none">{s.structureNone}</option>
          <option value="2020">{s.structure2020}</option>
          <option value="2024">{s.structure2024}</option>
        </Select>
      </Field>
      {structure !== 'none' && validation?.splitGaps && <StructureGaps gaps={validation.splitGaps} />}

      <UploadBody sources={sources} validation={validation} problems={problems} catalogue={catalogue} />
    </section>
  );
}

interface BodyProps {
  sources: SourceSpec[];
  validation: ValidationReport | undefined;
  problems: Problem[];
  catalogue: VariableInfo[];
}

/** Memoised so that a render with unchanged (deferred) inputs skips the file cards and tables. */
const UploadBody = memo(function UploadBody({ sources, validation, problems, catalogue }: BodyProps) {
  const s = useStrings(strings);
  // The results bring the file cards' reports, the catalogue and the validation report at once; all
  // three are below the first screen (the checklist above them shows the results first). The cards
  // follow the view's first commit a frame later, the catalogue a frame after them and the report a
  // frame after it, so no one commit (and the style and layout after it) holds two of them (speed
  // budget: no main-thread task over 50 ms).
  const showCards = useRevealAfterFrame(true);
  const showCatalogue = useRevealAfterFrame(showCards && catalogue.length > 0);
  const showValidation = useRevealAfterFrame(validation !== undefined && showCards && (showCatalogue || catalogue.length === 0));
  return (
    <>
      <Heading level={3} data-size="sm">
        {s.files}
      </Heading>
      {sources.length === 0 && <Paragraph>{s.noFiles}</Paragraph>}
      <div className="kl-file-list">
        {showCards && sources.map((src) => (
          <FileCard
            key={src.id}
            source={src}
            report={validation?.sources.find((v) => v.id === src.id)}
            problems={uniqueProblems(problems.filter((p) => p.where?.file === src.fileName))}
          />
        ))}
      </div>

      {showCatalogue && <CatalogueTable catalogue={catalogue} />}
      {showValidation && validation && <ValidationPanel report={validation} />}
    </>
  );
});
