# Reference numbers for the engine's other estimators. Run from this folder:
#   Rscript make.R        (R 4.2.2; quantreg 5.94, plm 2.6.2, MASS 7.3-58.2, sandwich 3.0.2, jsonlite)
# writes expected.json (and xsec-outliers.csv). Tests read only the committed files; they never
# need R. The panel is the vendored oracle case ../cases/panel-pooled-cluster (seed 1).
suppressMessages({
  library(quantreg); library(plm); library(MASS); library(sandwich); library(jsonlite)
})
source("rreg.R")

panel <- read.csv("../cases/panel-pooled-cluster/data.csv", colClasses = c(kommune = "character"))
regs <- c("enslig_forsorger", "lavinntekt", "innb_0_22", "frie_inntekter", "phv_pas_0_17")
dep <- "utg_bv"
complete <- function(d, vars) d[complete.cases(d[, vars]), , drop = FALSE]
design <- function(d, vars) cbind("(Intercept)" = 1, as.matrix(d[, vars, drop = FALSE]))
named <- function(x, nm) setNames(as.list(as.numeric(x)), nm)
rows0 <- function(d) as.integer(rownames(d)) - 1L   # 0-based row index in the CSV

# ---------------------------------------------------------------------------------------------
# 1. Robust regression (Stata rreg)
# ---------------------------------------------------------------------------------------------
rreg_out <- function(f, nm, weights = FALSE) c(list(
  names = nm, coefficients = named(f$coefficients, nm), se = named(f$se, nm),
  t = named(f$coefficients / f$se, nm),
  p = named(2 * pt(-abs(f$coefficients / f$se), f$df), nm),
  n = f$n, k = f$k, df = f$df, dropped = I(f$dropped - 1L), scale = f$scale, lambda = f$lambda,
  abar = f$abar, n_nonzero = f$n_nonzero, rmse = f$rmse, iterations = f$iterations,
  huber_iterations = f$huber_iterations, biweight_iterations = f$biweight_iterations,
  log = I(f$log)), if (weights) list(weights = I(f$weights)))

# Stata's own output (printed in statsmodels' results for RLM: `rreg stackloss airflow watertemp
# acidconc`), to the digits Stata prints. The transcription must reproduce it.
stack <- data.frame(stackloss = stackloss$stack.loss, airflow = stackloss$Air.Flow,
                    watertemp = stackloss$Water.Temp, acidconc = stackloss$Acid.Conc.)
write.csv(stack, "stackloss.csv", row.names = FALSE)
stack <- read.csv("stackloss.csv")
Xs <- design(stack, c("airflow", "watertemp", "acidconc"))
fs <- rreg_stata(Xs, stack$stackloss)
stata_stack <- list(
  log = c(.48402478, .07083248, .03630349, .2114744, .04709559, .01648123, .01050023, .0027233),
  coefficients = c(-41.6703, .8526511, .8733594, -.1224349),
  se = c(10.79559, .1223835, .3339811, .1418364))
stopifnot(max(abs(fs$log - stata_stack$log) / stata_stack$log) < 1e-6,
          max(abs(fs$coefficients - stata_stack$coefficients) / abs(stata_stack$coefficients)) < 1e-6,
          max(abs(fs$se - stata_stack$se) / stata_stack$se) < 1e-6)
robust_stack <- c(rreg_out(fs, colnames(Xs), weights = TRUE), list(stata = stata_stack))

# Per-year cross-sections of the panel.
robust_xsec <- lapply(sort(unique(panel$aar)), function(yr) {
  s <- complete(panel[panel$aar == yr, ], c(dep, regs))
  X <- design(s, regs)
  c(list(year = yr, rows = I(rows0(s))), rreg_out(rreg_stata(X, s[[dep]]), colnames(X)))
})

# A cross-section with planted outliers: three municipalities report three times their spending
# (vertical outliers, biweight weight 0) and one reports ten times the free income with a tenth
# of the spending (a leverage point Cook's D screens out).
out <- complete(panel[panel$aar == 2019, c("kommune", "aar", dep, regs)], c(dep, regs))
rownames(out) <- NULL
out[[dep]][1:3] <- out[[dep]][1:3] * 3
out$frie_inntekter[4] <- out$frie_inntekter[4] * 10
out[[dep]][4] <- out[[dep]][4] / 10
write.csv(out, "xsec-outliers.csv", row.names = FALSE)
# Fit what the file holds (write.csv keeps 15 significant digits), so the tests read the same data.
out <- read.csv("xsec-outliers.csv", colClasses = c(kommune = "character"))
Xo <- design(out, regs)
fo <- rreg_stata(Xo, out[[dep]])
stopifnot(length(fo$dropped) >= 1, sum(fo$weights == 0) >= 1)
robust_outliers <- rreg_out(fo, colnames(Xo), weights = TRUE)

# MASS::rlm cross-check of the M-step (Huber k = 1.345, Tukey bisquare c = 4.685), on the
# outlier cross-section.
rl_h <- rlm(Xo, out[[dep]], psi = psi.huber, k = 1.345, maxit = 500, acc = 1e-12)
rl_b <- rlm(Xo, out[[dep]], psi = psi.bisquare, c = 4.685, maxit = 500, acc = 1e-12)
ir_h <- irls_rlm(Xo, out[[dep]], huber_weights, 1.345)
ir_b <- irls_rlm(Xo, out[[dep]], biweight_weights, 4.685)
rlm_check <- list(
  huber_max_rel_diff = max(abs(ir_h - coef(rl_h)) / abs(coef(rl_h))),
  bisquare_max_rel_diff = max(abs(ir_b - coef(rl_b)) / abs(coef(rl_b))))
stopifnot(rlm_check$huber_max_rel_diff < 1e-8, rlm_check$bisquare_max_rel_diff < 1e-8)

# ---------------------------------------------------------------------------------------------
# 2. Median and quantile regression (quantreg::rq, method "br"; summary.rq se = "iid" and "ker")
# ---------------------------------------------------------------------------------------------
rq_out <- function(X, y, tau) {
  fit <- rq.fit.br(X, y, tau = tau)
  obj <- structure(list(coefficients = fit$coefficients, residuals = fit$residuals, tau = tau,
                        method = "br"), class = "rq")
  nm <- colnames(X)
  d <- data.frame(y = y, X[, -1, drop = FALSE], check.names = FALSE)
  f <- rq(y ~ ., data = d, tau = tau, method = "br")
  stopifnot(max(abs(coef(f) - fit$coefficients)) < 1e-12)
  one <- function(se) {
    nonunique <- FALSE
    s <- withCallingHandlers(summary(f, se = se, covariance = TRUE), warning = function(w) {
      if (grepl("nonunique", conditionMessage(w))) nonunique <<- TRUE
      invokeRestart("muffleWarning")
    })
    cf <- s$coefficients
    list(se = named(cf[, 2], nm), t = named(cf[, 3], nm), p = named(cf[, 4], nm),
         scale = as.numeric(s$scale), nonunique = nonunique)
  }
  n <- length(y)
  u <- fit$residuals
  list(names = nm, tau = tau, n = n, k = ncol(X), df = n - ncol(X),
       coefficients = named(fit$coefficients, nm),
       objective = sum(u * (tau - (u < 0))),
       bandwidth = bandwidth.rq(tau, n, hs = TRUE),
       iid = one("iid"), ker = one("ker"))
}
quantile_xsec <- lapply(sort(unique(panel$aar)), function(yr) {
  s <- complete(panel[panel$aar == yr, ], c(dep, regs))
  X <- design(s, regs)
  c(list(year = yr, rows = I(rows0(s))), rq_out(X, s[[dep]], 0.5))
})
s19 <- complete(panel[panel$aar == 2019, ], c(dep, regs))
quantile_q25 <- c(list(year = 2019L), rq_out(design(s19, regs), s19[[dep]], 0.25))
quantile_q75 <- c(list(year = 2019L), rq_out(design(s19, regs), s19[[dep]], 0.75))

# ---------------------------------------------------------------------------------------------
# 3. Random effects (plm, Swamy-Arora) and the Hausman test (plm::phtest)
# ---------------------------------------------------------------------------------------------
re_out <- function(d, vars) {
  pd <- pdata.frame(d, index = c("kommune", "aar"))
  f <- as.formula(paste(dep, "~", paste(c(vars, "factor(aar)"), collapse = " + ")))
  re <- plm(f, data = pd, model = "random", random.method = "swar")
  fe <- plm(f, data = pd, model = "within")
  h <- phtest(fe, re)
  rename <- function(nm) sub("^factor\\(aar\\)", "year_", nm)
  sr <- summary(re)$coefficients
  sw <- summary(fe)$coefficients
  ec <- ercomp(re)
  list(
    n = nrow(d), n_units = length(unique(d$kommune)), balanced = is.pbalanced(pd),
    names = rename(rownames(sr)),
    coefficients = named(sr[, 1], rename(rownames(sr))), se = named(sr[, 2], rename(rownames(sr))),
    z = named(sr[, 3], rename(rownames(sr))), p = named(sr[, 4], rename(rownames(sr))),
    sigma2_idios = as.numeric(ec$sigma2["idios"]), sigma2_id = as.numeric(ec$sigma2["id"]),
    theta_min = min(ec$theta), theta_max = max(ec$theta),
    within = list(names = rename(rownames(sw)), coefficients = named(sw[, 1], rename(rownames(sw))),
                  se = named(sw[, 2], rename(rownames(sw))), df = fe$df.residual),
    hausman = list(statistic = as.numeric(h$statistic), df = as.integer(h$parameter),
                   p = as.numeric(h$p.value)))
}
re_unbalanced <- re_out(complete(panel, c("kommune", "aar", dep, regs)), regs)
# Balanced (the municipalities with all eight years after listwise deletion) with a time-invariant
# regressor, log of the first recorded population: the within model cannot estimate it, random
# effects can, and the Hausman test compares the rest. The tests derive this subset from the panel.
bal <- complete(panel, c("kommune", "aar", dep, regs))
tt <- table(bal$kommune)
bal <- bal[bal$kommune %in% names(tt)[tt == length(unique(panel$aar))], ]
first_pop <- tapply(panel$innbyggere, panel$kommune, function(x) x[!is.na(x)][1])
bal$log_innb_start <- log(first_pop[bal$kommune])
re_balanced <- re_out(bal, c(regs, "log_innb_start"))

# ---------------------------------------------------------------------------------------------
# 4. Interactions: criterion x year (a coefficient per year, first year the reference) and
#    criterion x criterion in the pooled model with year effects, CR1 by municipality; Wald test
#    that the free-income coefficient is the same in every year (Stata: test, F(q, G - 1)).
# ---------------------------------------------------------------------------------------------
pp <- complete(panel, c("kommune", "aar", dep, regs))
years <- sort(unique(pp$aar))
X <- design(pp, regs)
for (yr in years[-1]) X <- cbind(X, setNames(data.frame(pp$frie_inntekter * (pp$aar == yr)),
                                            paste0("frie_inntekter:year_", yr))[[1]])
colnames(X)[(length(regs) + 2):ncol(X)] <- paste0("frie_inntekter:year_", years[-1])
X <- cbind(X, "enslig_forsorger:lavinntekt" = pp$enslig_forsorger * pp$lavinntekt)
for (yr in years[-1]) X <- cbind(X, pp$aar == yr)
colnames(X)[(ncol(X) - length(years) + 2):ncol(X)] <- paste0("year_", years[-1])
m <- lm.fit(X, pp[[dep]])
lmobj <- lm(pp[[dep]] ~ X - 1)
V <- vcovCL(lmobj, cluster = pp$kommune, type = "HC1")
G <- length(unique(pp$kommune))
b <- coef(lmobj); se <- sqrt(diag(V)); nm <- colnames(X)
idx <- grep("^frie_inntekter:year_", nm)
W <- as.numeric(t(b[idx]) %*% solve(V[idx, idx]) %*% b[idx])
interactions <- list(
  names = nm, n = nrow(X), n_clusters = G, df = G - 1L,
  coefficients = named(b, nm), se = named(se, nm), t = named(b / se, nm),
  p = named(2 * pt(-abs(b / se), G - 1), nm),
  wald = list(terms = nm[idx], f = W / length(idx), df1 = length(idx), df2 = G - 1L,
              p = pf(W / length(idx), length(idx), G - 1, lower.tail = FALSE)))

out_json <- list(
  generated_by = "test/oracle/estimators/make.R",
  r = R.version.string,
  packages = sapply(c("quantreg", "plm", "MASS", "sandwich", "jsonlite"),
                    function(p) as.character(packageVersion(p)), simplify = FALSE),
  regressors = regs, dependent = dep,
  robust = list(stackloss = robust_stack, xsec = robust_xsec, outliers = robust_outliers,
                rlm_check = rlm_check),
  quantile = list(median_xsec = quantile_xsec, q25 = quantile_q25, q75 = quantile_q75),
  random = list(unbalanced = re_unbalanced, balanced_invariant = re_balanced),
  interactions = interactions)
write_json(out_json, "expected.json", digits = I(17), auto_unbox = TRUE, pretty = TRUE)
cat("wrote expected.json\n")
