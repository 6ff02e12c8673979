/**
 * A Stata do-file that reproduces the analysis: `regress … i.aar, vce(cluster kommune)` for pooled
 * models (CR1, t on G−1 df — what the engine computes), `vce(robust)` (HC1) per year, and
 * `xtreg …, fe vce(cluster kommune)` for the within design; `rreg` (robust), `qreg` (median and
 * quantile), `xtreg …, re` + `hausman fe re` (random effects), `c.x#i.aar` / `c.a#c.b` interactions
 * with `testparm` for equal coefficients across years.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { ModelEntry } from '../../spec/sections/models';
import { usesDemoData } from '../../spec/sections/data';
import { stataSsbFetch } from './ssbSources';
import { commentText, DEFAULT_DATA_FILE, interactionTerms, isSafeName, modelsToRun, quoted, translatableFormula, unsafeNames, type ScriptOptions } from './common';

function stataIf(m: ModelEntry, unit: string, year: string, extra: string[] = []): string {
  const s = m.sample;
  const conds = [...extra];
  if (s?.years?.length) conds.push(`inlist(${year}, ${s.years.join(', ')})`);
  // Stata's inlist() takes at most 10 strings; longer unit lists become chains of ORs.
  if (s?.units?.length) conds.push(`(${s.units.map((u) => `${unit} == ${quoted(u)}`).join(' | ')})`);
  if (s?.excludeUnits?.length) conds.push(s.excludeUnits.map((u) => `${unit} != ${quoted(u)}`).join(' & '));
  if (s?.sizeClasses?.length) conds.push(`inlist(${s.sizeClassColumn ?? 'size_class'}, ${s.sizeClasses.join(', ')})`);
  return conds.length ? ` if ${conds.join(' & ')}` : '';
}

function stataModel(m: ModelEntry, i: number, unit: string, year: string): string[] {
  const out = [`* ---- Modell ${i + 1}: ${commentText(m.label)} (${m.design}, SE ${m.se}) ----`];
  const bad = unsafeNames(m);
  if (bad.length) return [...out, `* Hoppet over: variabelnavn som ikke er trygge i et skript: ${commentText(bad.join(', '))}`, ''];
  const vars = [...m.regressors, ...m.controls, ...interactionTerms(m, year, 'stata')].join(' ');
  const estimator = m.estimator ?? 'ols';
  const cl = m.cluster && m.cluster !== unit ? `${m.cluster}_id` : 'kommune_id';
  const w = m.weights ? ` [aweight = ${m.weights}]` : '';
  const nocons = m.intercept ? '' : ' noconstant';
  const vce = m.se === 'cluster' ? `vce(cluster ${cl})` : m.se === 'hc1' ? 'vce(robust)' : '';
  const opts = (list: string[]) => (list.filter(Boolean).length ? `, ${list.filter(Boolean).join(' ')}` : '');
  if (m.cluster && m.cluster !== unit) out.push(`capture drop ${cl}`, `egen ${cl} = group(${m.cluster})`);
  if (m.design === 'random') {
    const yfx = m.yearEffects ? ` i.${year}` : '';
    out.push(
      `xtset kommune_id ${year}`,
      `xtreg ${m.dependent} ${vars}${yfx}${stataIf(m, unit, year)}, re`,
      'estimates store re',
      `quietly xtreg ${m.dependent} ${vars}${yfx}${stataIf(m, unit, year)}, fe`,
      'estimates store fe',
      '* Hausman: faste mot tilfeldige effekter (appen og plm::phtest bruker plm sin GLS-kovarians).',
      'hausman fe re',
      '',
    );
    return out;
  }
  if (estimator !== 'ols') {
    // rreg and qreg take no weights and no vce(cluster); qreg's vce(iid) estimates the sparsity its
    // own way (appen følger quantreg se = "iid"/"ker"), so its standard errors differ slightly.
    const cmd =
      estimator === 'robust'
        ? `rreg ${m.dependent} ${vars}`
        : `qreg ${m.dependent} ${vars}`;
    const qopts = estimator === 'robust' ? [] : [`quantile(${estimator === 'median' ? 0.5 : (m.tau ?? 0.5)})`, m.se === 'hc1' ? 'vce(robust)' : ''];
    if (m.design === 'per-year') {
      out.push(
        `levelsof ${year}${stataIf(m, unit, year)}, local(years)`,
        'foreach y of local years {',
        `    ${cmd}${stataIf(m, unit, year, [`${year} == \`y'`])}${opts([nocons.trim(), ...qopts])}`,
        '}',
      );
    } else {
      const yfx = m.design === 'pooled' && m.yearEffects ? ` i.${year}` : '';
      out.push(`${cmd}${yfx}${stataIf(m, unit, year)}${opts([nocons.trim(), ...qopts])}`);
    }
    out.push('');
    return out;
  }
  if (m.design === 'per-year') {
    out.push(
      `levelsof ${year}${stataIf(m, unit, year)}, local(years)`,
      'foreach y of local years {',
      `    display as text _newline "== ${commentText(m.label).replace(/"/g, '')} `+"`y'"+` =="`,
      `    regress ${m.dependent} ${vars}${w}${stataIf(m, unit, year, [`${year} == \`y'`])}${opts([nocons.trim(), vce])}`,
      '}',
    );
  } else if (m.design === 'within') {
    const yfx = m.yearEffects ? ` i.${year}` : '';
    out.push(`xtset kommune_id ${year}`, `xtreg ${m.dependent} ${vars}${yfx}${w}${stataIf(m, unit, year)}, fe ${vce.replace('robust', 'cluster kommune_id')}`.trimEnd());
  } else {
    const yfx = m.design === 'pooled' && m.yearEffects ? ` i.${year}` : '';
    out.push(`regress ${m.dependent} ${vars}${yfx}${w}${stataIf(m, unit, year)}${opts([nocons.trim(), vce])}`);
    for (const it of (m.interactions ?? []).filter((x) => x.with === 'year')) {
      out.push(`* Samme koeffisient for ${it.variable} alle år (Wald):`, `testparm c.${it.variable}#i.${year}`);
    }
  }
  out.push('');
  return out;
}

export function generateStataScript(spec: AnalysisSpec, opts: ScriptOptions = {}): string {
  const unit = opts.unit ?? 'kommune';
  const year = opts.year ?? 'aar';
  const v = spec.variables;
  const lines = [
    `* Kostnadsnøkkel-lab: ${commentText(spec.title)}`,
    `* Generert ${(opts.generatedAt ?? new Date()).toISOString()}. Gjenskaper modellene i appen.`,
    ...(usesDemoData(spec.data) ? ['* MERK: analysen bruker syntetiske demodata.'] : []),
    'version 16',
    'clear all',
    'set more off',
    '',
    '* ---- Data: det ryddige analysedatasettet eksportert fra appen (komma, punktum) ----',
    `import delimited using ${quoted(opts.dataFile ?? DEFAULT_DATA_FILE)}, clear varnames(1) encoding("utf-8") stringcols(1) case(preserve)`,
    `* ${unit} må være tekst (ledende nuller): 0301 = Oslo.`,
    `capture tostring ${unit}, replace format(%04.0f)`,
    `egen kommune_id = group(${unit})`,
    '',
  ];
  if (opts.fromSources !== false) lines.push(...stataSsbFetch(spec));
  if (opts.fromSources !== false && spec.data.sources.length) {
    lines.push('* ---- Alternativ: SSB-filer (ISO-8859-1, ";", desimalkomma; symbolene . .. ... : blir manglende) ----');
    for (const s of spec.data.sources.filter((x) => x.format === 'csv')) {
      lines.push(
        `* import delimited using ${quoted(s.fileName)}, delimiter(";") encoding("iso-8859-1") decimalseparator(,) varnames(1) stringcols(_all) clear`,
        '* foreach v of varlist <verdikolonner> { replace `v\' = "" if inlist(`v\', ".", "..", "...", ":") }',
      );
    }
    lines.push('');
  }
  lines.push('* ---- Avledede variabler ----');
  for (const r of v.ratios) {
    const den = r.denominator ?? v.population;
    if ([r.id, r.numerator, den].every(isSafeName)) lines.push(`capture confirm variable ${r.id}`, `if _rc gen double ${r.id} = ${r.numerator} / ${den} * ${r.scale}`);
  }
  for (const f of v.formulas) {
    if (isSafeName(f.id) && translatableFormula(f.expression)) lines.push(`capture confirm variable ${f.id}`, `if _rc gen double ${f.id} = ${f.expression}`);
    else lines.push(`* Formel ${commentText(f.id)} må oversettes for hånd: ${commentText(f.expression)}`);
  }
  for (const r of v.residualised) {
    if (![r.id, r.target, ...r.controls].every(isSafeName)) continue;
    lines.push(
      `capture confirm variable ${r.id}`,
      `if _rc {`,
      `    quietly regress ${r.target} ${r.controls.join(' ')}${r.yearEffects ? ` i.${year}` : ''}`,
      `    predict double ${r.id}, residuals`,
      '}',
    );
  }
  if (isSafeName(v.population)) {
    lines.push(
      'capture confirm variable size_class',
      `if _rc gen size_class = cond(missing(${v.population}), ., 1 + (${v.population} > 2000) + (${v.population} > 5000) + (${v.population} > 10000) + (${v.population} > 20000) + (${v.population} > 50000))`,
    );
  }
  lines.push('', ...modelsToRun(spec).flatMap((m, i) => stataModel(m, i, unit, year)));
  return lines.join('\n') + '\n';
}
