/**
 * R has no `rreg`; the R script carries the same transcription of Stata's documented algorithm that
 * produced the engine's reference numbers (test/oracle/estimators/rreg.R), so the script and the
 * dashboard compute the same robust regression.
 */
export const R_RREG_FUNCTION = `# Stata rreg i R (Cooks D > 1 utelates, Huber- og biweight-iterasjoner, tune = 7,
# standardfeil fra pseudoverdier etter Street, Carroll og Ruppert 1988) - samme algoritme som appen.
rreg_stata <- function(formula, data, tune = 7, tol = 0.01, maxit = 300) {
  mf <- model.frame(formula, data); X <- model.matrix(formula, mf); y <- model.response(mf)
  k <- ncol(X); c_b <- tune * 4.685 / 7
  wls <- function(w) { keep <- w > 0; lm.wfit(X[keep, , drop = FALSE], y[keep], w[keep])$coefficients }
  b <- lm.fit(X, y)$coefficients; e <- as.numeric(y - X %*% b)
  h <- rowSums((X %*% solve(crossprod(X))) * X)
  cook <- (e^2 / (k * sum(e^2) / (nrow(X) - k))) * h / (1 - h)^2
  keep <- !(cook > 1); X <- X[keep, , drop = FALSE]; y <- y[keep]; n <- nrow(X)
  res <- as.numeric(y - X %*% lm.fit(X, y)$coefficients); w <- rep(1, n); it <- 0; mx <- 1
  while (mx > 5 * tol) {
    it <- it + 1; if (it > maxit) stop("rreg: ingen konvergens")
    m <- median(abs(res - median(res))); old <- w
    w <- ifelse(abs(res) > 2 * m, 2 * m / abs(res), 1); b <- wls(w)
    res <- as.numeric(y - X %*% b); mx <- max(abs(w - old))
  }
  first <- TRUE
  while (first || mx > tol) {
    first <- FALSE; it <- it + 1; if (it > maxit) stop("rreg: ingen konvergens")
    s <- median(abs(res - median(res))) / 0.6745; old <- w
    w <- pmax(1 - (res / (c_b * s))^2, 0)^2; b <- wls(w)
    res <- as.numeric(y - X %*% b); mx <- max(abs(w - old))
  }
  u <- res / s; a <- (1 - (u / c_b)^2) * (1 - 5 * (u / c_b)^2); a[abs(u) > c_b] <- 0
  abar <- mean(a); lambda <- 1 + (k / sum(w > 0)) * (1 - abar) / abar
  ystar <- as.numeric(X %*% b) + (lambda / abar) * w * res
  fit <- lm(ystar ~ X - 1); names(fit$coefficients) <- colnames(X)
  list(fit = fit, vcov = vcov(fit), df = n - k, n = n, dropped = sum(!keep), weights = w)
}
`;
