import { betaQuantile } from "./beta";

/**
 * How many of those invited to a group interview actually come. Pure, safe on the
 * client.
 *
 * The show rate is uncertain, so it is kept as a Beta distribution rather than one
 * number: a prior from the method (METHOD.md step 4: "about 1 in 2 to 1 in 3 of
 * those invited actually come") updated with the vacancy's own history. Each
 * invitation is one observation: attended (coming late counts as attended — they
 * were there to be assessed) or a no-show.
 *
 * Beta(α, β) with α = prior.mean × prior.strength + attended and
 * β = (1 − prior.mean) × prior.strength + noShow. The strength is the prior's
 * weight in invitations: with the default 10, ten real observations weigh as much
 * as the method's rule of thumb.
 */

export type ShowRatePrior = { mean: number; strength: number };

/** Between 1:2 and 1:3 attend → 0.4, worth 10 observations: Beta(4, 6). */
export const DEFAULT_PRIOR: ShowRatePrior = Object.freeze({ mean: 0.4, strength: 10 });

/** The credible interval's coverage: low and high are its 10% and 90% quantiles. */
export const CREDIBLE_LEVEL = 0.8;

export type ShowRateHistory = { attended: number; noShow: number };

export type ShowRateEstimate = {
  /** Beta posterior parameters (prior pseudo-counts plus observations). */
  alpha: number;
  beta: number;
  /** Posterior mean α / (α + β). */
  mean: number;
  /** Central 80% credible interval: the 10% and 90% quantiles of Beta(α, β). */
  low: number;
  high: number;
  /** Real observations behind the estimate (attended + noShow), prior excluded. */
  observations: number;
};

function checkCount(name: string, value: number) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function checkPrior(prior: ShowRatePrior) {
  if (!(prior.mean > 0 && prior.mean < 1)) throw new RangeError(`prior mean must be strictly between 0 and 1, got ${prior.mean}`);
  if (!(prior.strength > 0) || !Number.isFinite(prior.strength)) {
    throw new RangeError(`prior strength must be a finite number above 0, got ${prior.strength}`);
  }
}

/**
 * The show-rate posterior after `attended` came (late included) and `noShow` did
 * not. No history gives back the prior. Because the prior's α and β are above 0,
 * the mean stays strictly inside (0, 1) even when everyone came or nobody did.
 *
 * The interval's quantiles are found by bisection on the regularized incomplete
 * beta function (continued fraction), see ./beta.ts.
 *
 * Throws RangeError for negative or non-integer counts and for a prior whose mean
 * is not strictly inside (0, 1) or whose strength is not above 0.
 */
export function estimateShowRate(history: ShowRateHistory, prior: ShowRatePrior = DEFAULT_PRIOR): ShowRateEstimate {
  checkCount("attended", history.attended);
  checkCount("noShow", history.noShow);
  checkPrior(prior);
  const alpha = prior.mean * prior.strength + history.attended;
  const beta = (1 - prior.mean) * prior.strength + history.noShow;
  const tail = (1 - CREDIBLE_LEVEL) / 2;
  return {
    alpha,
    beta,
    mean: alpha / (alpha + beta),
    low: betaQuantile(tail, alpha, beta),
    high: betaQuantile(1 - tail, alpha, beta),
    observations: history.attended + history.noShow,
  };
}

export type ShowRateGroup<Value> = {
  /** The group's value of the key (a source, a tier, true/false for "confirmed"). */
  group: Value;
  attended: number;
  noShow: number;
  estimate: ShowRateEstimate;
};

/**
 * The show rate per group of invitations, e.g. by source, tier, or whether the
 * candidate confirmed. Each row is one invitation with `attended` (late counts as
 * true) and the fields to group by. Groups come out in the order they first
 * appear; each estimate starts from the same prior, so a small group stays close to
 * it and its `observations` says how much to trust it. Group values are compared
 * as Map keys (===), so null/undefined form groups of their own.
 */
export function breakdown<Row extends { attended: boolean }, Key extends keyof Row>(
  rows: readonly Row[],
  key: Key,
  prior: ShowRatePrior = DEFAULT_PRIOR,
): Array<ShowRateGroup<Row[Key]>> {
  const counts = new Map<Row[Key], ShowRateHistory>();
  for (const row of rows) {
    const value = row[key];
    const count = counts.get(value) ?? { attended: 0, noShow: 0 };
    if (row.attended) count.attended++;
    else count.noShow++;
    counts.set(value, count);
  }
  return [...counts].map(([group, count]) => ({ group, ...count, estimate: estimateShowRate(count, prior) }));
}
