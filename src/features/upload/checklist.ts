/**
 * The data-set checklist of the Data view: what a cost-key analysis needs — the population, a
 * dependent expenditure, criteria, (optional) controls, years the files share, variable names that
 * do not collide, the municipality structure, and finally a model — each with its state and the
 * step that fixes what is missing («bruk 2025-fila for år 2022», «legg til prefiks …»). Pure: it
 * reads the spec and the dataset summary and returns items with actions as data; the view turns
 * an action into a spec edit (checklistActions.ts). No statistics here, only bookkeeping.
 */
import { parseAge } from '../../engine/variables/catalogue';
import { EXPENDITURE_PRESETS } from '../../engine/variables/presets';
import { safeIdentifier } from '../../ingest/dims';
import type { ValidationReport, VariableInfo } from '../../ingest/types';
import type { AnalysisSpec } from '../../spec/schema';
import type { DerivedVariableInfo } from '../../engine/variables/types';

export type CheckStatus = 'ok' | 'todo' | 'warn' | 'optional';

export type CheckAction =
  | { kind: 'population-from-ages' }
  | { kind: 'use-population'; variable: string }
  | { kind: 'expenditure-preset'; preset: string }
  | { kind: 'age-shares' }
  | { kind: 'year-as'; sourceId: string; year: number }
  | { kind: 'prefix'; sourceId: string; prefix: string }
  | { kind: 'structure'; structure: '2020' | '2024' }
  | { kind: 'change-table'; sourceId: string }
  | { kind: 'make-model'; dependent: string; regressors: string[]; design: 'single' | 'pooled' }
  | { kind: 'open-view'; view: string };

export interface Text {
  nb: string;
  en: string;
}

export interface CheckItem {
  id: 'population' | 'dependent' | 'criteria' | 'controls' | 'years' | 'names' | 'structure' | 'model';
  status: CheckStatus;
  title: Text;
  detail: Text;
  actions: { label: Text; action: CheckAction }[];
  /** The years item: each file's years, for the table under it. */
  files?: { file: string; years: number[] }[];
  /** The model item: the variables the user may choose as dependent (first = proposed). */
  dependentChoices?: string[];
}

export interface ChecklistInput {
  spec: Pick<AnalysisSpec, 'data' | 'variables' | 'models'>;
  catalogue: VariableInfo[];
  validation?: ValidationReport;
  /** Every numeric column of the analysis table (imported and derived). */
  numericColumns: { name: string; label: string }[];
  derived: DerivedVariableInfo[];
}

const t = (nb: string, en: string): Text => ({ nb, en });
const POPULATION_WORDS = /befolkning|folkemengde|folketal|innbygger|personer|persons|population/i;

function singleAgeEntries(catalogue: VariableInfo[]): VariableInfo[] {
  return catalogue.filter((c) => {
    const a = parseAge(c.dims.age);
    return a !== null && (a.from === a.to || a.to === Infinity);
  });
}

function list(xs: string[], max = 4): string {
  return xs.slice(0, max).join(', ') + (xs.length > max ? ` … (${xs.length})` : '');
}

/** Files that hold municipality data (not change tables, national series or failed reads), with their years. */
function dataFiles(input: ChecklistInput): { id: string; file: string; years: number[]; nUnits: number }[] {
  const national = new Set(input.catalogue.filter((c) => c.national).flatMap((c) => c.source.split(', ')));
  const changeTable = input.spec.data.changeTableSourceId;
  return (input.validation?.sources ?? [])
    .filter((v) => v.status === 'ok' && v.nValues > 0 && v.id !== changeTable && !national.has(v.file))
    .map((v) => ({ id: v.id, file: v.file, years: v.years, nUnits: v.nUnits }));
}

export function buildChecklist(input: ChecklistInput): CheckItem[] {
  const { spec, catalogue, numericColumns, derived } = input;
  const columns = new Set(numericColumns.map((c) => c.name));
  const ages = singleAgeEntries(catalogue);
  const ageFiles = [...new Set(ages.flatMap((a) => a.source.split(', ')))];
  const items: CheckItem[] = [];

  // ---- population
  const pop = spec.variables.population;
  const popOk = columns.has(pop);
  const popCandidates = catalogue.filter((c) => !c.dims.age && !c.national && POPULATION_WORDS.test(`${c.name} ${c.label}`)).map((c) => c.name);
  items.push({
    id: 'population',
    status: popOk ? 'ok' : 'todo',
    title: t('Befolkning', 'Population'),
    detail: popOk
      ? t(`Befolkningsvariabelen er «${pop}».`, `The population variable is "${pop}".`)
      : ages.length > 0
        ? t(`Finner ikke «${pop}». Fila ${list(ageFiles)} har folketall per ettårig alder: summen av alle aldre kan brukes som befolkning.`, `"${pop}" not found. The file ${list(ageFiles)} has population by single year of age: the sum of all ages can be the population.`)
        : popCandidates.length > 0
          ? t(`Finner ikke «${pop}». Velg befolkningsvariabelen:`, `"${pop}" not found. Choose the population variable:`)
          : t('Ingen befolkningstall ennå. Last opp folketall per kommune (SSB 07459, «Personer», gjerne per alder).', 'No population yet. Upload population per municipality (SSB 07459, "Persons", preferably by age).'),
    actions: popOk
      ? []
      : ages.length > 0
        ? [{ label: t('Lag befolkning: summen av alle aldre', 'Make the population: the sum of all ages'), action: { kind: 'population-from-ages' } }]
        : popCandidates.slice(0, 3).map((v) => ({ label: t(`Bruk «${v}» som befolkning`, `Use "${v}" as population`), action: { kind: 'use-population', variable: v } })),
  });

  // ---- dependent (expenditure)
  const expenditure = derived.filter((d) => d.kind === 'expenditure').map((d) => d.name);
  const modelDeps = spec.models.list.map((m) => m.dependent).filter((d) => columns.has(d));
  const functions = new Set(catalogue.map((c) => c.dims.function?.match(/\d{3}/)?.[0]).filter((f): f is string => f !== undefined));
  const presets = EXPENDITURE_PRESETS.filter((p) => p.functions.every((f) => functions.has(f)) && !columns.has(p.id));
  items.push({
    id: 'dependent',
    status: expenditure.length > 0 || modelDeps.length > 0 ? 'ok' : presets.length > 0 ? 'todo' : 'warn',
    title: t('Avhengig variabel (utgift)', 'Dependent variable (expenditure)'),
    detail:
      modelDeps.length > 0
        ? t(`Modellene forklarer ${list([...new Set(modelDeps)])}.`, `The models explain ${list([...new Set(modelDeps)])}.`)
        : expenditure.length > 0
          ? t(`Utgift per innbygger: ${list(expenditure)}.`, `Expenditure per inhabitant: ${list(expenditure)}.`)
          : presets.length > 0
            ? t('KOSTRA-regnskapet er lastet inn: lag utgiften per innbygger for tjenesten.', 'The KOSTRA accounts are loaded: make the expenditure per inhabitant of the service.')
            : t('Ingen KOSTRA-utgifter (SSB 12367, funksjon 244/251/252 for barnevern, 242/243/276/281 for sosialhjelp). Last dem opp, eller velg en annen avhengig variabel i modellsteget nedenfor.', 'No KOSTRA expenditure (SSB 12367, functions 244/251/252 for child welfare, 242/243/276/281 for social assistance). Upload them, or choose another dependent variable in the model step below.'),
    actions: presets.map((p) => ({ label: t(`Lag ${p.label.nb}`, `Make ${p.label.en}`), action: { kind: 'expenditure-preset', preset: p.id } })),
  });

  // ---- criteria
  const criteria = derived.filter((d) => d.kind === 'age-group' || d.kind === 'ratio' || d.kind === 'formula' || d.kind === 'residualised').map((d) => d.name).filter((n) => n !== pop);
  const regressors = [...new Set(spec.models.list.flatMap((m) => m.regressors))].filter((r) => columns.has(r));
  const critList = [...new Set([...regressors, ...criteria])];
  items.push({
    id: 'criteria',
    status: critList.length > 0 ? 'ok' : 'todo',
    title: t('Kriterier', 'Criteria'),
    detail:
      critList.length > 0
        ? t(`Kriterier: ${list(critList, 6)}.`, `Criteria: ${list(critList, 6)}.`)
        : ages.length > 0
          ? t('Aldersfila gir kriteriene: andeler av befolkningen i aldersgrupper.', 'The age file gives the criteria: shares of the population in age groups.')
          : t('Ingen kriterier ennå. Lag dem under Variabler (andeler, per innbygger, formler).', 'No criteria yet. Make them under Variables (shares, per inhabitant, formulas).'),
    actions:
      critList.length > 0
        ? []
        : ages.length > 0
          ? [{ label: t('Legg til andel 0–22, 67–79 og 80+ år (23–66 er basis)', 'Add the shares aged 0–22, 67–79 and 80+ (23–66 is the base)'), action: { kind: 'age-shares' } }]
          : catalogue.length > 0
            ? [{ label: t('Gå til Variabler', 'Go to Variables'), action: { kind: 'open-view', view: 'variables' } }]
            : [],
  });

  // ---- controls (optional)
  const controls = [...new Set(spec.models.list.flatMap((m) => m.controls))];
  items.push({
    id: 'controls',
    status: controls.length > 0 ? 'ok' : 'optional',
    title: t('Kontrollvariabler (valgfritt)', 'Controls (optional)'),
    detail:
      controls.length > 0
        ? t(`Kontroller: ${list(controls)}.`, `Controls: ${list(controls)}.`)
        : t('Ingen kontrollvariabler. Vanlig er frie inntekter per innbygger (SSB 12134); de holdes på landsgjennomsnittet i nøkkelen.', 'No controls. Common is free income per inhabitant (SSB 12134); the key holds them at the national mean.'),
    actions: [],
  });

  // ---- years per file and shared years
  const files = dataFiles(input);
  const withYears = files.filter((f) => f.years.length > 0);
  const shared = withYears.length === 0 ? [] : withYears.map((f) => f.years).reduce((a, b) => a.filter((y) => b.includes(y)));
  const yearActions: CheckItem['actions'] = [];
  // A target year: the latest year of the file with most municipalities (the population, as a rule).
  const anchor = [...withYears].sort((a, b) => b.nUnits - a.nUnits)[0];
  const target = anchor ? anchor.years[anchor.years.length - 1] : null;
  for (const f of files) {
    if (target === null || f === anchor) continue;
    const overlaps = anchor.years.some((y) => f.years.includes(y));
    if (f.years.length === 0 || (f.years.length === 1 && !overlaps)) {
      const from = f.years[0];
      yearActions.push({
        label: from !== undefined ? t(`Bruk ${from}-fila «${f.file}» for år ${target}`, `Use the ${from} file "${f.file}" for year ${target}`) : t(`Bruk «${f.file}» for år ${target}`, `Use "${f.file}" for year ${target}`),
        action: { kind: 'year-as', sourceId: f.id, year: target },
      });
    }
  }
  const noYear = files.filter((f) => f.years.length === 0).map((f) => f.file);
  items.push({
    id: 'years',
    status: files.length === 0 ? 'todo' : noYear.length > 0 || (withYears.length > 1 && shared.length === 0) ? 'todo' : 'ok',
    title: t('År', 'Years'),
    detail:
      files.length === 0
        ? t('Ingen datafiler ennå.', 'No data files yet.')
        : noYear.length > 0
          ? t(`${list(noYear)} sier ikke hvilket år tallene gjelder.`, `${list(noYear)} do not say which year the figures are for.`)
          : withYears.length > 1 && shared.length === 0
            ? t('Filene har ingen felles år, så ingen kommune har alle variablene samme år (N = 0).', 'The files share no year, so no municipality has all variables in the same year (N = 0).')
            : t(`Felles år: ${shared.join(', ') || '–'}.`, `Shared years: ${shared.join(', ') || '–'}.`),
    actions: yearActions,
    files: files.map((f) => ({ file: f.file, years: f.years })),
  });

  // ---- the same variable names in two files (the join keeps the first value)
  const nameActions: CheckItem['actions'] = [];
  const clashes: string[] = [];
  const order = new Map(spec.data.sources.map((s, i) => [s.fileName, i]));
  for (const v of input.validation?.sources ?? []) {
    if (v.nDuplicates === 0) continue;
    const shared = catalogue.filter((c) => c.source.split(', ').includes(v.file) && c.source.split(', ').some((f) => f !== v.file && (order.get(f) ?? 0) < (order.get(v.file) ?? 0)));
    if (shared.length === 0) continue;
    clashes.push(`${v.file} (${v.nDuplicates})`);
    const prefix = safeIdentifier(v.file.replace(/\.[^.]*$/, ''), 20) || 'fil2';
    nameActions.push({ label: t(`Legg til prefikset «${prefix}» på variablene i «${v.file}»`, `Add the prefix "${prefix}" to the variables of "${v.file}"`), action: { kind: 'prefix', sourceId: v.id, prefix } });
  }
  items.push({
    id: 'names',
    status: clashes.length > 0 ? 'todo' : 'ok',
    title: t('Variabelnavn', 'Variable names'),
    detail:
      clashes.length > 0
        ? t(`Samme variabelnavn som en tidligere fil, så verdiene her ble forkastet: ${list(clashes)}. Et prefiks holder dem atskilt.`, `The same variable names as an earlier file, so these values were dropped: ${list(clashes)}. A prefix keeps them apart.`)
        : t('Ingen filer bruker de samme variabelnavnene.', 'No files share variable names.'),
    actions: nameActions,
  });

  // ---- municipality structure
  const allYears = [...new Set(files.flatMap((f) => f.years))].sort((a, b) => a - b);
  // Years on both sides of a reform, or files whose municipality numbers differ a lot (3001 Halden in
  // a 2022 file, 3101 in a 2025 one): a structure makes one municipality one number.
  const spansYears = (allYears.some((y) => y < 2020) && allYears.some((y) => y >= 2020)) || (allYears.some((y) => y < 2024) && allYears.some((y) => y >= 2024));
  const sources = input.validation?.sources ?? [];
  const fileIds = new Set(files.map((f) => f.id));
  const differ = sources.filter((v) => fileIds.has(v.id) && v.unitsMissingHere.length >= Math.max(5, 0.05 * v.nUnits));
  const structure = spec.data.structure;
  const gaps = input.validation?.splitGaps ?? [];
  // A text table that reads as a code-change table (Statistikkbanken's grouping, a Klass export).
  const tableFile = sources.find((v) => v.status === 'ok' && v.nValues === 0 && v.headers.length >= 2 && v.id !== input.spec.data.changeTableSourceId);
  const needsStructure = spansYears || differ.length > 0;
  items.push({
    id: 'structure',
    status: structure !== 'none' ? 'ok' : needsStructure ? 'warn' : 'ok',
    title: t('Kommunestruktur', 'Municipality structure'),
    detail:
      structure !== 'none'
        ? t(
            `${structure}-strukturen${structure === '2024' ? ' (SSBs sammenhengende serier)' : ''}.${gaps.length > 0 ? ` Delte kommuner gir hull eller brudd i ${gaps.length} år; se listen under Kommunestruktur.` : ''}`,
            `The ${structure} structure${structure === '2024' ? " (SSB's continuous series)" : ''}.${gaps.length > 0 ? ` Divided municipalities leave gaps or breaks in ${gaps.length} years; see the list under Municipality structure.` : ''}`,
          )
        : differ.length > 0
          ? t(`Filene har ulike kommunenummer (${list(differ.map((v) => `${v.file} mangler ${v.unitsMissingHere.length}`))}), trolig fra ulike kommunestrukturer: velg en struktur, så blir samme kommune ett nummer.`, `The files have different municipality numbers (${list(differ.map((v) => `${v.file} lacks ${v.unitsMissingHere.length}`))}), probably from different structures: choose a structure so one municipality has one number.`)
          : spansYears
          ? t(`Dataene har år før og etter en kommunereform (${allYears[0]}–${allYears[allYears.length - 1]}): velg en struktur, så blir samme kommune ett nummer.`, `The data have years before and after a municipal reform (${allYears[0]}–${allYears[allYears.length - 1]}): choose a structure so one municipality has one number.`)
          : t('Kommunenumrene brukes som de er (alle årene har samme struktur).', 'The municipality numbers are used as they are (all years share one structure).'),
    actions:
      structure === 'none' && (needsStructure)
        ? [
            ...(tableFile ? [{ label: t(`Bruk «${tableFile.file}» som endringstabell (2024-strukturen)`, `Use "${tableFile.file}" as the change table (2024 structure)`), action: { kind: 'change-table' as const, sourceId: tableFile.id } }] : []),
            { label: t('Bruk 2024-strukturen', 'Use the 2024 structure'), action: { kind: 'structure', structure: '2024' } },
            { label: t('Bruk 2020-strukturen', 'Use the 2020 structure'), action: { kind: 'structure', structure: '2020' } },
          ]
        : [],
  });

  // ---- model
  const ready = popOk && critList.length > 0 && (withYears.length <= 1 || shared.length > 0) && noYear.length === 0;
  const exclude = new Set([pop, ...critList, 'size_class', ...ages.map((a) => a.name)]);
  const dependentChoices = [
    ...expenditure,
    ...numericColumns.map((c) => c.name).filter((n) => !exclude.has(n) && !expenditure.includes(n) && !catalogue.find((c) => c.name === n)?.national),
  ];
  const hasModel = spec.models.list.length > 0;
  const years = shared.length > 0 ? shared : allYears;
  items.push({
    id: 'model',
    status: hasModel ? 'ok' : ready && dependentChoices.length > 0 ? 'todo' : 'warn',
    title: t('Modell og nøkkel', 'Model and key'),
    detail: hasModel
      ? t(`${spec.models.list.length} modell(er). Nøkkelen regnes ut under Kostnadsnøkkel.`, `${spec.models.list.length} model(s). The key is computed under Cost key.`)
      : ready && dependentChoices.length > 0
        ? t(`Alt er klart: lag en modell av kriteriene (${years.length > 1 ? 'samlet over år med årseffekter' : `ett tverrsnitt, ${years[0] ?? ''}`}).`, `Everything is ready: make a model of the criteria (${years.length > 1 ? 'pooled over years with year effects' : `one cross-section, ${years[0] ?? ''}`}).`)
        : t('Gjør punktene over først.', 'Do the steps above first.'),
    actions: hasModel
      ? [{ label: t('Gå til Kostnadsnøkkel', 'Go to Cost key'), action: { kind: 'open-view', view: 'costkey' } }]
      : ready && dependentChoices.length > 0
        ? [{ label: t('Lag modell', 'Make the model'), action: { kind: 'make-model', dependent: dependentChoices[0], regressors: critList, design: years.length > 1 ? 'pooled' : 'single' } }]
        : [],
    dependentChoices: hasModel ? undefined : dependentChoices,
  });
  return items;
}
