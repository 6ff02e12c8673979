import { describe, expect, it } from 'vitest';
import { analysisSpecSchema, SPEC_VERSION, type AnalysisSpec } from '../../src/spec/schema';
import { generateRScript } from '../../src/export/scripts/rScript';
import { generateStataScript } from '../../src/export/scripts/stataScript';
import { translatableFormula } from '../../src/export/scripts/common';

const regs = ['enslig_forsorger', 'lavinntekt', 'innb_0_22'];
function spec(extra: Record<string, unknown> = {}): AnalysisSpec {
  return analysisSpecSchema.parse({
    version: SPEC_VERSION,
    title: 'Test\nsystem("rm -rf /")',
    data: { sources: [{ id: 's1', fileName: 'kostra".csv', format: 'csv', demo: true }] },
    variables: {
      formulas: [
        { id: 'pop_scaled', label: 'Skala', expression: 'innbyggere^1.2 / innbyggere' },
        { id: 'evil', label: 'x', expression: 'system("ls")' },
      ],
      residualised: [{ id: 'phv_korr', label: 'Korrigert\nPHV', target: 'phv', controls: ['psykisk_utv', 'andel_80'] }],
    },
    models: {
      list: [
        { id: 'a', label: 'Samlet', dependent: 'utg_bv', regressors: regs, controls: ['frie_inntekter'], design: 'pooled', se: 'cluster' },
        { id: 'b', label: 'Per år', dependent: 'utg_bv', regressors: regs, design: 'per-year', se: 'hc1', yearEffects: false },
        { id: 'c', label: 'Innen', dependent: 'utg_bv', regressors: regs, design: 'within', se: 'cluster', intercept: false },
        { id: 'd', label: 'Vektet', dependent: 'utg_bv', regressors: regs, design: 'pooled', se: 'cluster', weights: 'innbyggere', sample: { years: [2014, 2015], sizeClasses: [1, 2] } },
        { id: 'e', label: 'Farlig', dependent: 'utg_bv); system("x', regressors: regs },
      ],
      shown: [],
    },
    ...extra,
  });
}

describe('generateRScript', () => {
  const r = generateRScript(spec(), { generatedAt: new Date('2024-01-01T00:00:00Z') });
  it('fits pooled models with year effects and CR1 cluster SEs on G-1 df', () => {
    expect(r).toContain('m1 <- lm(utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22 + frie_inntekter + factor(aar), data = sub)');
    expect(r).toContain('vc <- sandwich::vcovCL(m1, cluster = ~kommune, type = "HC1")');
    expect(r).toContain('report("Samlet", m1, vc, df = G - 1)');
    expect(r).toContain('se_type = "stata"');
  });
  it('per-year models use HC1 on n-k df; within uses demeaning with K = slopes + 1', () => {
    expect(r).toContain('fit <- lm(utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22, data = s)');
    expect(r).toContain('vc <- sandwich::vcovHC(fit, type = "HC1")');
    expect(r).toContain('K <- ncol(Xd) + 1');
    expect(r).toContain('type = "HC0", cadjust = TRUE) * (N - 1) / (N - K)');
  });
  it('applies weights, sample filters and listwise deletion', () => {
    expect(r).toContain('m4 <- lm(utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22 + factor(aar), data = sub, weights = innbyggere)');
    expect(r).toContain('sub <- sub[sub$aar %in% c(2014, 2015), ]');
    expect(r).toContain('sub <- sub[sub$size_class %in% c(1, 2), ]');
    expect(r).toContain('complete.cases(sub[, c("utg_bv", "enslig_forsorger", "lavinntekt", "innb_0_22", "innbyggere", "kommune", "aar")])');
  });
  it('reads SSB files as ISO-8859-1 with ; and decimal comma, symbols to NA', () => {
    expect(r).toContain('fileEncoding = encoding');
    expect(r).toContain('x[x %in% c("", ".", "..", "...", ":")] <- NA');
    expect(r).toContain('read_ssb("kostra_.csv", sep = ";", encoding = "ISO-8859-1")');
  });
  it('rebuilds derived variables and refuses to translate unsafe code', () => {
    expect(r).toContain('d$pop_scaled <- with(d, innbyggere^1.2 / innbyggere)');
    expect(r).toContain('d$phv_korr <- residuals(lm(phv ~ psykisk_utv + andel_80, data = d, na.action = na.exclude))');
    expect(r).toContain('# Formel evil må oversettes for hånd');
    expect(r).not.toMatch(/^[^#]*system\(/m);
    expect(r).toContain('# Hoppet over');
    expect(r).toContain('# MERK: analysen bruker syntetiske demodata.');
  });
});

describe('generateStataScript', () => {
  const s = generateStataScript(spec());
  it('writes regress / xtreg with the same SE choices', () => {
    expect(s).toContain('regress utg_bv enslig_forsorger lavinntekt innb_0_22 frie_inntekter i.aar, vce(cluster kommune_id)');
    expect(s).toContain("regress utg_bv enslig_forsorger lavinntekt innb_0_22 if aar == `y', vce(robust)");
    expect(s).toContain('xtreg utg_bv enslig_forsorger lavinntekt innb_0_22 i.aar, fe vce(cluster kommune_id)');
    expect(s).toContain('[aweight = innbyggere] if inlist(aar, 2014, 2015) & inlist(size_class, 1, 2), vce(cluster kommune_id)');
    expect(s).toContain('predict double phv_korr, residuals');
    expect(s).not.toMatch(/^[^*]*system\(/m);
  });
});

describe('translatableFormula', () => {
  it('accepts arithmetic and shared functions only', () => {
    expect(translatableFormula('log(a) - b^2 / (c + 1)')).toBe(true);
    expect(translatableFormula('a > 1 ? b : c')).toBe(false);
    expect(translatableFormula('evalq(a)')).toBe(false);
    expect(translatableFormula('a; b')).toBe(false);
  });
});

describe('scripts for the other estimators', () => {
  const est = analysisSpecSchema.parse({
    version: SPEC_VERSION,
    title: 'Estimatorer',
    models: {
      list: [
        { id: 'r', label: 'Robust', dependent: 'utg_bv', regressors: regs, design: 'per-year', yearEffects: false, estimator: 'robust' },
        { id: 'q', label: 'Median', dependent: 'utg_bv', regressors: regs, design: 'per-year', yearEffects: false, estimator: 'median', se: 'hc1' },
        { id: 'k', label: 'Kvartil', dependent: 'utg_bv', regressors: regs, design: 'single', estimator: 'quantile', tau: 0.25, se: 'classical' },
        { id: 're', label: 'TE', dependent: 'utg_bv', regressors: regs, design: 'random', se: 'classical' },
        {
          id: 'i', label: 'Samspill', dependent: 'utg_bv', regressors: [...regs, 'frie_inntekter'], design: 'pooled', se: 'cluster',
          interactions: [{ variable: 'frie_inntekter', with: 'year' }, { variable: 'lavinntekt', with: 'innb_0_22' }],
        },
      ],
      shown: [],
    },
  });
  const r = generateRScript(est, { fromSources: false });
  const s = generateStataScript(est, { fromSources: false });
  it('R: the rreg transcription, quantreg with the SE option, plm with phtest, interactions with a Wald test', () => {
    expect(r).toContain('rreg_stata <- function(formula, data');
    expect(r).toContain('rr <- rreg_stata(utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22, data = s)');
    expect(r).toContain('quantreg::rq(utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22, tau = 0.5, data = s, method = "br")');
    expect(r).toContain('summary(fit, se = "ker")');
    expect(r).toContain('tau = 0.25, data = sub, method = "br")');
    expect(r).toContain('summary(fit, se = "iid")');
    expect(r).toContain('model = "random", random.method = "swar"');
    expect(r).toContain('print(plm::phtest(fe, re))');
    expect(r).toContain('frie_inntekter + frie_inntekter:factor(aar) + lavinntekt:innb_0_22 + factor(aar)');
    expect(r).toContain('idx <- which(startsWith(names(coef(m5)), "frie_inntekter:factor(aar)"))');
  });
  it('Stata: rreg, qreg with quantile(), xtreg re + hausman, c.x#i.aar with testparm', () => {
    expect(s).toContain("rreg utg_bv enslig_forsorger lavinntekt innb_0_22 if aar == `y'");
    expect(s).toContain("qreg utg_bv enslig_forsorger lavinntekt innb_0_22 if aar == `y', quantile(0.5) vce(robust)");
    expect(s).toContain('qreg utg_bv enslig_forsorger lavinntekt innb_0_22, quantile(0.25)');
    expect(s).toContain('xtreg utg_bv enslig_forsorger lavinntekt innb_0_22 i.aar, re');
    expect(s).toContain('hausman fe re');
    expect(s).toContain('c.frie_inntekter#i.aar c.lavinntekt#c.innb_0_22 i.aar, vce(cluster kommune_id)');
    expect(s).toContain('testparm c.frie_inntekter#i.aar');
  });
});
