# Independent computation of the key bootstrap for the cross-check in
# test/oracle/keyBootstrapR.test.ts. Run from this folder: Rscript key-bootstrap.R > expected.json
# Base R only (lm, quantile type 7). Reads the panel (data.csv) and the engine's draw counts per
# replication and municipality (draws.csv, from make-inputs.ts), and for every replication:
#   1. refits y ~ a + b + c + year dummies by least squares with each row weighted by its
#      municipality's draw count (= the resample with each drawn municipality's rows repeated);
#   2. method A weights with the control at its national value and ŷ holding the key year's effect:
#      ŷ = b0 + δ_2022 + b_a·ā + b_b·b̄ + b_c·c̄,  w_j = b_j·x̄_j / ŷ,  w_0 = 1 − Σ w_j;
#   3. the need index I_i = w_0 + Σ w_j x_ij / x̄_j on the 2022 rows, and the change per inhabitant
#      against today's key (0.6, 0.25 a, 0.15 b): (I_i − I_i^cur) · U, U = ȳ_2022 · 1000;
# then the 5/95 and 2.5/97.5 percentiles (type 7) of each weight and each municipality's change,
# the share of replications with the point estimate's sign, and the loss/gain shares.
d <- read.csv("data.csv", colClasses = c(kommune = "character"))
draws <- read.csv("draws.csv", check.names = FALSE)
units <- colnames(draws)[-1]
key <- d[d$aar == 2022, ]
pw <- function(x) sum(key$pop * x) / sum(key$pop)
nat <- c(a = pw(key$a), b = pw(key$b), c = pw(key$c))
U <- pw(key$y) * 1000
cur <- 0.6 + 0.25 * key$a / nat["a"] + 0.15 * key$b / nat["b"]
d$year <- factor(d$aar)

weights_of <- function(fit) {
  co <- coef(fit)
  yhat <- co[["(Intercept)"]] + co[["year2022"]] + co[["a"]] * nat[["a"]] + co[["b"]] * nat[["b"]] + co[["c"]] * nat[["c"]]
  w <- c(a = co[["a"]] * nat[["a"]] / yhat, b = co[["b"]] * nat[["b"]] / yhat)
  c(basic = 1 - sum(w), w)
}
change_of <- function(w) {
  idx <- w[["basic"]] + w[["a"]] * key$a / nat[["a"]] + w[["b"]] * key$b / nat[["b"]]
  (idx - cur) * U
}

point_w <- weights_of(lm(y ~ a + b + c + year, data = d))
point_c <- change_of(point_w)
B <- nrow(draws)
W <- matrix(NA_real_, B, 3)
C <- matrix(NA_real_, B, nrow(key))
for (r in seq_len(B)) {
  count <- as.numeric(draws[r, -1])
  names(count) <- units
  wt <- count[d$kommune]
  fit <- lm(y ~ a + b + c + year, data = d, weights = wt, subset = wt > 0)
  w <- weights_of(fit)
  W[r, ] <- w
  C[r, ] <- change_of(w)
}
q <- function(v, p) unname(quantile(v, p, type = 7))
num <- function(x) formatC(x, digits = 17, format = "g")
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
weights_json <- sapply(1:3, function(j) {
  v <- W[, j]
  sprintf('{"name":"%s","estimate":%s,"low90":%s,"high90":%s,"low95":%s,"high95":%s,"sameSign":%s}',
    c("__basic__", "a", "b")[j], num(point_w[j]), num(q(v, 0.05)), num(q(v, 0.95)), num(q(v, 0.025)), num(q(v, 0.975)),
    num(mean(sign(v) == sign(point_w[j]))))
})
cat(sprintf('{"R":"%s","B":%d,"units":[%s],"weights":[%s],"change":%s,"low90":%s,"high90":%s,"low95":%s,"high95":%s,"shareLoss":%s,"shareGain":%s}\n',
  R.version.string, B, paste0('"', key$kommune, '"', collapse = ","), paste(weights_json, collapse = ","),
  vec(point_c), vec(apply(C, 2, q, 0.05)), vec(apply(C, 2, q, 0.95)), vec(apply(C, 2, q, 0.025)), vec(apply(C, 2, q, 0.975)),
  vec(colMeans(C < 0)), vec(colMeans(C > 0))))
