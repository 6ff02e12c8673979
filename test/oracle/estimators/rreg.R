# R transcription of Stata's `rreg` (Hamilton 1991; [R] rreg, Methods and formulas), with the
# constants of the shipped rreg.ado where the manual rounds them. Sourced by make.R.
#
#   1. OLS on the sample; drop observations with Cook's D > 1, D_i = e_i^2 h_i / (K s^2 (1 - h_i)^2).
#   2. Huber iterations: M = median |e_i - median(e)| of the current residuals,
#      w_i = min(1, 2M/|e_i|) (the manual's c_h = 1.345 on s = M/0.6745, i.e. "about 2M"; the .ado
#      uses 2M), weighted least squares, repeated while the largest change in a weight exceeds
#      5 * tolerance (tolerance = 0.01).
#   3. Biweight iterations: s = M/0.6745, c = 4.685 * tune / 7 (tune = 7),
#      w_i = (1 - (e_i/(c s))^2)^2 for |e_i| < c s and 0 beyond; at least one; repeated while the
#      largest change in a weight exceeds tolerance.
#   4. Standard errors from the pseudo-values of Street, Carroll and Ruppert (1988): with the last
#      weights w, the scale s that produced them and the residuals e of the last weighted fit,
#      u = e/s, a = mean psi'(u) with psi'(u) = (1 - (u/c)^2)(1 - 5 (u/c)^2) for |u| <= c, else 0,
#      lambda = 1 + (K / N_w)(1 - a)/a with N_w the number of nonzero weights (the N of the last
#      weighted regression, which leaves zero weights out), pseudo-values y* = Xb + (lambda/a) w e,
#      and the OLS of y* on X over the sample: its coefficients (= b up to rounding, X'We = 0) and
#      classical covariance (df = N - K) are what rreg reports.
#
# Checked against Stata's printed output for `rreg stackloss airflow watertemp acidconc` (every
# iteration's maximum weight change, coefficients and standard errors; see make.R).

huber_weights <- function(e, threshold) ifelse(abs(e) > threshold, threshold / abs(e), 1)
biweight_weights <- function(e, threshold) pmax(1 - (e / threshold)^2, 0)^2

# Weighted least squares over the observations with nonzero weight (as Stata's aweights do).
wls_coef <- function(X, y, w) {
  keep <- w > 0
  f <- lm.wfit(X[keep, , drop = FALSE], y[keep], w[keep])
  if (f$rank < ncol(X)) stop("collinear")
  f$coefficients
}

rreg_stata <- function(X, y, tune = 7, tol = 0.01, maxit = 300) {
  c_b <- tune * 4.685 / 7
  k <- ncol(X)
  b <- lm.fit(X, y)$coefficients
  e <- as.numeric(y - X %*% b)
  n0 <- nrow(X)
  h <- rowSums((X %*% solve(crossprod(X))) * X)
  s2 <- sum(e^2) / (n0 - k)
  cook <- (e^2 / (k * s2)) * h / (1 - h)^2
  drop <- which(cook > 1)
  keep <- setdiff(seq_len(n0), drop)
  X <- X[keep, , drop = FALSE]; y <- y[keep]; n <- nrow(X)
  b <- lm.fit(X, y)$coefficients
  res <- as.numeric(y - X %*% b)
  w <- rep(1, n)
  log <- numeric(0)
  it <- 0L
  mx <- 1
  while (mx > 5 * tol) {
    if (it >= maxit) stop("no convergence")
    it <- it + 1L
    old <- w
    m <- median(abs(res - median(res)))
    w <- huber_weights(res, 2 * m)
    b <- wls_coef(X, y, w)
    res <- as.numeric(y - X %*% b)
    mx <- max(abs(w - old)); log <- c(log, mx)
  }
  huber_it <- it
  first <- TRUE; scl <- NA
  while (first || mx > tol) {
    if (it >= maxit) stop("no convergence")
    first <- FALSE
    it <- it + 1L
    old <- w
    scl <- median(abs(res - median(res))) / 0.6745
    w <- biweight_weights(res, c_b * scl)
    b <- wls_coef(X, y, w)
    res <- as.numeric(y - X %*% b)
    mx <- max(abs(w - old)); log <- c(log, mx)
  }
  u <- res / scl
  a <- (1 - (u / c_b)^2) * (1 - 5 * (u / c_b)^2)
  a[abs(u) > c_b] <- 0
  abar <- mean(a)
  nw <- sum(w > 0)
  lambda <- 1 + (k / nw) * (1 - abar) / abar
  ystar <- as.numeric(X %*% b) + (lambda / abar) * w * res
  pv <- lm.fit(X, ystar)
  sigma2 <- sum(pv$residuals^2) / (n - k)
  V <- sigma2 * solve(crossprod(X))
  list(coefficients = as.numeric(pv$coefficients), wls_coefficients = as.numeric(b), vcov = V,
       se = sqrt(diag(V)), n = n, k = k, df = n - k, dropped = drop, weights = w, scale = scl,
       lambda = lambda, abar = abar, n_nonzero = nw, rmse = sqrt(sigma2), iterations = it,
       huber_iterations = huber_it, biweight_iterations = it - huber_it, log = log)
}

# Plain IRLS with MASS::rlm's conventions (scale = median |e| / 0.6745 recomputed from every fit,
# convergence on the relative change of the residuals), built from the same weight functions and
# weighted least squares as rreg_stata: agreeing with MASS::rlm checks the M-step of the
# transcription independently of Stata's stopping rules.
irls_rlm <- function(X, y, weight_fun, const, tol = 1e-12, maxit = 500) {
  b <- lm.fit(X, y)$coefficients
  res <- as.numeric(y - X %*% b)
  for (i in seq_len(maxit)) {
    scale <- median(abs(res)) / 0.6745
    w <- weight_fun(res, const * scale)
    b <- wls_coef(X, y, w)
    old <- res
    res <- as.numeric(y - X %*% b)
    if (sqrt(sum((old - res)^2) / max(1e-20, sum(old^2))) < tol) break
  }
  b
}
