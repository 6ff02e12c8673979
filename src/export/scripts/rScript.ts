/**
 * An R script that reproduces the analysis: reads the data (the tidy dataset the app exports, or the
 * original SSB CSV files: ISO-8859-1, `;`, decimal comma, symbols → NA), rebuilds derived variables
 * from the spec, and fits the same models with the same standard errors as the engine:
 *   pooled + year effects, cluster by kommune: lm + sandwich::vcovCL(type = "HC1") (= Stata CR1), t on G−1 df;
 *   per-year: lm + sandwich::vcovHC(type = "HC1"), t on n−k df;
 *   within: demeaned by kommune, CR1 with K = slopes + 1 (Stata xtreg, fe vce(cluster));
 *   robust: the rreg transcription (rRreg.ts); median/quantile: quantreg::rq + summary(se = "iid" |
 *   "ker"); random effects: plm(model = "random") + plm::phtest against the within model;
 *   criterion × year: x:factor(aar) with a Wald test of the interaction terms.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { ModelEntry } from '../../spec/sections/models';
import { usesDemoData } from '../../spec/sections/data';
import { rSsbFetch } from './ssbSources';
import { commentText, DEFAULT_DATA_FILE, interactionTerms, isSafeName, modelsToRun, quoted, translatableFormula, unsafeNames, type ScriptOptions } from './common';
import { R_RREG_FUNCTION } from './rRreg';

function rSampleFilter(m: ModelEntry, unit: string, year: string): string[] {
  const s = m.sample;
  const lines: string[] = [];
  if (s?.years?.length) lines.push(`sub <- sub[sub$${year} %in% c(${s.years.join(', ')}), ]`);
  if (s?.units?.length) lines.push(`sub <- sub[sub$${unit} %in% c(${s.units.map(quoted).join(', ')}), ]`);
  if (s?.excludeUnits?.length) lines.push(`sub <- sub[!(sub$${unit} %in% c(${s.excludeUnits.map(quoted).join(', ')})), ]`);
  if (s?.sizeClasses?.length) lines.push(`sub <- sub[sub$${s.sizeClassColumn ?? 'size_class'} %in% c(${s.sizeClasses.join(', ')}), ]`);
  return lines;
}

function rModel(m: ModelEntry, i: number, unit: string, year: string): string[] {
  const name = `m${i + 1}`;
  const out = [`# ---- Modell ${i + 1}: ${commentText(m.label)} (${m.design}, SE ${m.se}) ----`];
  const bad = unsafeNames(m);
  if (bad.length) return [...out, `# Hoppet over: variabelnavn som ikke er trygge i et skript: ${commentText(bad.join(', '))}`, ''];
  const vars = [...m.regressors, ...m.controls];
  const terms = [...vars, ...interactionTerms(m, year, 'r')];
  const rhs = terms.length ? terms.join(' + ') : '1';
  const cluster = m.cluster ?? unit;
  const partners = (m.interactions ?? []).map((x) => x.with).filter((x) => x !== 'year');
  const needed = [m.dependent, ...vars, ...partners, ...(m.weights ? [m.weights] : []), unit, year];
  out.push('sub <- d', ...rSampleFilter(m, unit, year));
  // Listwise deletion over exactly the variables the model uses (as the engine does).
  out.push(`sub <- sub[complete.cases(sub[, c(${[...new Set(needed)].map(quoted).join(', ')})]), ]`);
  const w = m.weights ? `, weights = ${m.weights}` : '';
  const int = m.intercept ? '' : ' - 1';
  const estimator = m.estimator ?? 'ols';
  if (m.design === 'random') {
    const yfx = m.yearEffects ? ` + factor(${year})` : '';
    out.push(
      `# Tilfeldige effekter (Swamy-Arora, = Stata xtreg, re) og Hausman-test mot faste effekter.`,
      `pd <- plm::pdata.frame(sub, index = c(${quoted(unit)}, ${quoted(year)}))`,
      `re <- plm::plm(${m.dependent} ~ ${rhs}${yfx}, data = pd, model = "random", random.method = "swar")`,
      `fe <- plm::plm(${m.dependent} ~ ${rhs}${yfx}, data = pd, model = "within")`,
      `print(summary(re))`,
      `report_coef(${quoted(m.label)}, summary(re)$coefficients, n = nrow(sub))`,
      `print(plm::phtest(fe, re))`,
      '',
    );
    return out;
  }
  if (estimator !== 'ols') {
    const fitLine = (data: string): string =>
      estimator === 'robust'
        ? `rr <- rreg_stata(${m.dependent} ~ ${rhs}${int}, data = ${data})`
        : `fit <- quantreg::rq(${m.dependent} ~ ${rhs}${int}, tau = ${estimator === 'median' ? 0.5 : (m.tau ?? 0.5)}, data = ${data}, method = "br")`;
    const reportLine = (label: string): string =>
      estimator === 'robust'
        ? `report(${quoted(m.label)}, rr$fit, rr$vcov, df = rr$df${label})`
        : `report_coef(${quoted(m.label)}, summary(fit, se = ${quoted(m.se === 'hc1' ? 'ker' : 'iid')})$coefficients, n = nrow(${label ? 's' : 'sub'})${label})`;
    const yfx = m.design === 'pooled' && m.yearEffects ? ` + factor(${year})` : '';
    if (m.design === 'per-year') {
      out.push('for (yr in sort(unique(sub$' + year + '))) {', '  s <- sub[sub$' + year + ' == yr, ]', `  ${fitLine('s')}`, `  ${reportLine(', label = yr')}`, '}');
    } else {
      out.push(fitLine('sub').replace(` ~ ${rhs}${int}`, ` ~ ${rhs}${yfx}${int}`), reportLine(''));
    }
    out.push('');
    return out;
  }
  if (m.design === 'per-year') {
    out.push(
      `for (yr in sort(unique(sub$${year}))) {`,
      `  s <- sub[sub$${year} == yr, ]`,
      `  fit <- lm(${m.dependent} ~ ${rhs}${int}, data = s${w})`,
      m.se === 'classical' ? '  vc <- vcov(fit)' : `  vc <- sandwich::vcovHC(fit, type = "HC1")`,
      `  report(${quoted(m.label)}, fit, vc, df = fit$df.residual, label = yr)`,
      '}',
    );
  } else if (m.design === 'within') {
    const yfx = m.yearEffects ? ` + factor(${year})` : '';
    out.push(
      `# Within: demean y, x and year dummies by ${cluster} in the estimation sample (Stata xtreg, fe).`,
      `X <- model.matrix(~ ${rhs}${yfx}, data = sub)[, -1, drop = FALSE]`,
      `y <- sub$${m.dependent}`,
      `g <- sub$${unit}`,
      'dm <- function(v) v - ave(v, g)',
      'Xd <- apply(X, 2, dm); yd <- dm(y)',
      'Xd <- Xd[, colSums(abs(Xd)) > 1e-12, drop = FALSE]',
      `fit <- lm(yd ~ Xd - 1${m.weights ? `, weights = sub$${m.weights}` : ''})`,
      'names(fit$coefficients) <- colnames(Xd)',
      `G <- length(unique(sub$${cluster})); N <- nrow(Xd); K <- ncol(Xd) + 1`,
      '# CR1 as Stata: G/(G-1) * (N-1)/(N-K) with K = slopes + 1 (absorbed unit effects not counted).',
      `vc <- sandwich::vcovCL(fit, cluster = sub$${cluster}, type = "HC0", cadjust = TRUE) * (N - 1) / (N - K)`,
      'dimnames(vc) <- list(colnames(Xd), colnames(Xd))',
      `report(${quoted(m.label)}, fit, vc, df = G - 1)`,
    );
  } else {
    const yfx = m.design === 'pooled' && m.yearEffects ? ` + factor(${year})` : '';
    out.push(`${name} <- lm(${m.dependent} ~ ${rhs}${yfx}${int}, data = sub${w})`);
    if (m.se === 'cluster') {
      out.push(
        `G <- length(unique(sub$${cluster}))`,
        `# CR1 = Stata vce(cluster): G/(G-1) * (N-1)/(N-K); t on G-1 df.`,
        `vc <- sandwich::vcovCL(${name}, cluster = ~${cluster}, type = "HC1")`,
        `report(${quoted(m.label)}, ${name}, vc, df = G - 1)`,
        `# Same numbers: estimatr::lm_robust(${m.dependent} ~ ${rhs}${yfx}, data = sub, clusters = ${cluster}, se_type = "stata")`,
      );
    } else if (m.se === 'hc1') {
      out.push(`vc <- sandwich::vcovHC(${name}, type = "HC1")`, `report(${quoted(m.label)}, ${name}, vc, df = ${name}$df.residual)`);
    } else {
      out.push(`vc <- vcov(${name})`, `report(${quoted(m.label)}, ${name}, vc, df = ${name}$df.residual)`);
    }
    for (const it of (m.interactions ?? []).filter((x) => x.with === 'year')) {
      const df = m.se === 'cluster' ? 'G - 1' : `${name}$df.residual`;
      out.push(
        `# Wald-test: samme koeffisient for ${it.variable} alle år (Stata: testparm c.${it.variable}#i.${year}).`,
        `idx <- which(startsWith(names(coef(${name})), ${quoted(`${it.variable}:factor(${year})`)}))`,
        `W <- as.numeric(t(coef(${name})[idx]) %*% solve(vc[idx, idx]) %*% coef(${name})[idx])`,
        `cat("Wald F(", length(idx), ",", ${df}, ") =", W / length(idx), " p =", pf(W / length(idx), length(idx), ${df}, lower.tail = FALSE), "\\n")`,
      );
    }
  }
  out.push('');
  return out;
}

function rSources(spec: AnalysisSpec, unit: string, year: string): string[] {
  const out = [
    '# ---- Alternativ: bygg panelet fra SSB-filene (ISO-8859-1, ";", desimalkomma) ----',
    '# SSB-symboler: "." ".." "..." ":" -> NA (":" = skjermet), "-" -> 0.',
    'ssb_num <- function(x) {',
    '  x <- trimws(x)',
    '  x[x %in% c("", ".", "..", "...", ":")] <- NA',
    '  x[!is.na(x) & x == "-"] <- "0"',
    '  as.numeric(gsub(",", ".", gsub("[ \\u00a0]", "", x), fixed = TRUE))',
    '}',
    'read_ssb <- function(path, sep = ";", encoding = "ISO-8859-1") {',
    '  read.table(path, sep = sep, header = TRUE, quote = "\\"", fileEncoding = encoding,',
    '             colClasses = "character", check.names = FALSE, comment.char = "", na.strings = character(0))',
    '}',
    '# Lang tabell -> én kolonne per kombinasjon av dimensjoner (kommune x år i radene).',
    'ssb_long_to_wide <- function(raw, unit_col, year_col, value_col, dim_cols, prefix = "") {',
    `  out <- data.frame(${unit} = substr(trimws(raw[[unit_col]]), 1, 4), ${year} = as.integer(substr(raw[[year_col]], 1, 4)), stringsAsFactors = FALSE)`,
    '  key <- if (length(dim_cols)) apply(raw[, dim_cols, drop = FALSE], 1, paste, collapse = "_") else value_col',
    '  out$var <- paste0(prefix, tolower(gsub("[^A-Za-z0-9]+", "_", key)))',
    '  out$value <- ssb_num(raw[[value_col]])',
    `  reshape(out, idvar = c("${unit}", "${year}"), timevar = "var", direction = "wide", sep = "")`,
    '}',
  ];
  const csv = spec.data.sources.filter((s) => s.format === 'csv');
  for (const s of csv) {
    const m = s.mapping;
    out.push(`# Kilde ${commentText(s.id)}: ${commentText(s.fileName)}${s.demo ? ' (syntetiske demodata)' : ''}`);
    const read = `read_ssb(${quoted(s.fileName)}, sep = ${quoted(s.delimiter ?? ';')}, encoding = ${quoted(s.encoding ?? 'ISO-8859-1')})`;
    if (m && m.layout === 'long' && m.unitColumn && m.yearColumn && m.valueColumns.length === 1) {
      out.push(
        `# src_${s.id.replace(/\W/g, '_')} <- ssb_long_to_wide(${read}, ${quoted(m.unitColumn)}, ${quoted(m.yearColumn)}, ${quoted(m.valueColumns[0])}, c(${m.dimensionColumns.map(quoted).join(', ')}), prefix = ${quoted(m.variablePrefix)})`,
      );
    } else {
      out.push(`# raw_${s.id.replace(/\W/g, '_')} <- ${read}  # bred tabell: velg kolonner og gjør om med reshape()`);
    }
  }
  if (csv.length) out.push('# d <- Reduce(function(a, b) merge(a, b, all = TRUE), list(<src_...>))', '# Variabelnavnene kan avvike fra appens; gi dem samme navn som i modellene over.');
  out.push('');
  return out;
}

function rDerived(spec: AnalysisSpec, year: string): string[] {
  const v = spec.variables;
  const out = ['# ---- Avledede variabler (regnes på nytt når kildevariablene finnes) ----', 'has <- function(...) all(c(...) %in% names(d))'];
  for (const r of v.ratios) {
    const den = r.denominator ?? v.population;
    if (![r.id, r.numerator, den].every(isSafeName)) continue;
    out.push(`if (has(${quoted(r.numerator)}, ${quoted(den)})) d$${r.id} <- d$${r.numerator} / d$${den} * ${r.scale}  # ${commentText(r.label)}`);
  }
  for (const f of v.formulas) {
    if (isSafeName(f.id) && translatableFormula(f.expression)) {
      const names = [...new Set(f.expression.match(/[A-Za-z_][A-Za-z0-9_]*(?!\s*\()/g) ?? [])].filter((n) => !['log', 'exp', 'sqrt', 'abs', 'log10'].includes(n));
      out.push(`if (has(${names.map(quoted).join(', ')})) d$${f.id} <- with(d, ${f.expression})  # ${commentText(f.label)}`);
    } else out.push(`# Formel ${commentText(f.id)} må oversettes for hånd: ${commentText(f.expression)}`);
  }
  for (const r of v.residualised) {
    if (![r.id, r.target, ...r.controls].every(isSafeName)) continue;
    const yfx = r.yearEffects ? ` + factor(${year})` : '';
    out.push(
      `# ${commentText(r.label)}: residual av én samlet OLS (korrigert indikator, snitt 0)`,
      `if (has(${[r.target, ...r.controls].map(quoted).join(', ')})) d$${r.id} <- residuals(lm(${r.target} ~ ${r.controls.join(' + ')}${yfx}, data = d, na.action = na.exclude))`,
    );
  }
  if (isSafeName(v.population)) {
    out.push(
      '# Kommunestørrelse i seks klasser (SØF 2017): <=2000, -5000, -10000, -20000, -50000, >50000',
      `if (has(${quoted(v.population)})) d$size_class <- cut(d$${v.population}, c(-Inf, 2000, 5000, 10000, 20000, 50000, Inf), labels = FALSE)`,
    );
  }
  out.push('');
  return out;
}

export function generateRScript(spec: AnalysisSpec, opts: ScriptOptions = {}): string {
  const unit = opts.unit ?? 'kommune';
  const year = opts.year ?? 'aar';
  const dataFile = opts.dataFile ?? DEFAULT_DATA_FILE;
  const models = modelsToRun(spec);
  const lines = [
    `# Kostnadsnøkkel-lab: ${commentText(spec.title)}`,
    `# Generert ${(opts.generatedAt ?? new Date()).toISOString()}. Gjenskaper modellene i appen.`,
    '# Krever R >= 4 og pakken sandwich (install.packages("sandwich")); kvantilregresjon quantreg, tilfeldige effekter plm.',
    ...(usesDemoData(spec.data) ? ['# MERK: analysen bruker syntetiske demodata.'] : []),
    'options(digits = 10)',
    '',
    '# ---- Data: det ryddige analysedatasettet eksportert fra appen (komma, punktum) ----',
    `d <- read.csv(${quoted(dataFile)}, colClasses = c(${unit} = "character"), na.strings = c("", "NA"), encoding = "UTF-8")`,
    '',
    ...(opts.fromSources === false ? [] : [...rSsbFetch(spec), ...rSources(spec, unit, year)]),
    ...rDerived(spec, year),
    '# ---- Rapport: koeffisient, SE, t, p (samles også i `results`) ----',
    'results <- list()',
    'report <- function(title, fit, vc, df, label = NULL) {',
    '  b <- coef(fit); b <- b[!is.na(b)]',
    '  se <- sqrt(diag(vc))[names(b)]',
    '  t <- b / se',
    '  p <- 2 * pt(-abs(t), df)',
    '  cat("\\n==", title, if (!is.null(label)) label, "==  N =", nobs(fit), " R2 =", summary(fit)$r.squared, "\\n")',
    '  print(cbind(estimate = b, se = se, t = t, p = p))',
    '  tab <- data.frame(model = paste(c(title, label), collapse = " "), term = names(b), estimate = b, se = se, t = t, p = p,',
    '                    n = nobs(fit), r2 = summary(fit)$r.squared, row.names = NULL)',
    '  results[[length(results) + 1]] <<- tab',
    '  invisible(tab)',
    '}',
    '# Tabeller som allerede har estimat, SE, t og p (quantreg, plm).',
    'report_coef <- function(title, cf, n, label = NULL) {',
    '  cat("\\n==", title, if (!is.null(label)) label, "==  N =", n, "\\n")',
    '  print(cf)',
    '  tab <- data.frame(model = paste(c(title, label), collapse = " "), term = rownames(cf), estimate = cf[, 1], se = cf[, 2],',
    '                    t = cf[, 3], p = cf[, 4], n = n, r2 = NA, row.names = NULL)',
    '  results[[length(results) + 1]] <<- tab',
    '  invisible(tab)',
    '}',
    ...(models.some((m) => m.estimator === 'robust' && m.design !== 'random') ? [R_RREG_FUNCTION] : []),
    '',
    ...models.flatMap((m, i) => rModel(m, i, unit, year)),
  ];
  return lines.join('\n') + '\n';
}
